package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A disk that fills up, as a learner's home does when a cell writes without end: saves refused in
 * words, what was saved kept whole, and saving again once there is room.
 */
@ExtendWith(RunningBox.class)
class FullDiskE2EIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String notebook(String code) {
        return """
                {"type": "notebook", "content": {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "id": "one", "metadata": {}, "execution_count": null, "outputs": [], "source": "%s"}]}}
                """.formatted(code);
    }

    private static String messageOf(HttpResponse<String> answer) {
        return JSON.readTree(answer.body()).path("message").asString();
    }

    @Test
    void aSaveIntoAFullHomeIsRefusedInWordsWhatWasSavedStaysWholeAndSavingWorksOnceThereIsRoom() throws Exception {
        RunningBox box = RunningBox.get();
        Learner fenna = new Learner(box, "fenna");
        String password = box.addUser("fenna");
        // fenna's home on a disk of 32 MiB of its own, made where the box makes homes, before her first login.
        box.docker("volume", "create", "--driver", "local", "--opt", "type=tmpfs", "--opt", "device=tmpfs",
                "--opt", "o=size=32m,uid=1000,gid=1000", "--label", "org.learnbox.box=" + box.project,
                "--label", "org.learnbox.role=home", "--label", "org.learnbox.user=fenna", box.project + "-home-fenna").requireSuccess();
        fenna.logInToLab(password);
        assertThat(fenna.server("PUT", "/api/contents/work.ipynb", notebook("print('first')")).statusCode()).isEqualTo(201);

        // A cell writes until the disk is full.
        box.inSandbox("fenna", "dd if=/dev/zero of=$HOME/big bs=1M count=64 2>/dev/null; true");
        assertThat(box.inSandbox("fenna", "df --output=avail -k $HOME | tail -1").stdout().strip()).isEqualTo("0");

        HttpResponse<String> refused = fenna.server("PUT", "/api/contents/work.ipynb", notebook("print('second')"));
        assertThat(refused.statusCode()).isEqualTo(507);
        assertThat(messageOf(refused)).startsWith("work.ipynb was not saved: the disk that holds your files is full (0 bytes free).")
                .contains("What you saved before stays as it was.", "du -sh ~/*");
        HttpResponse<String> inChinese = fenna.server("PUT", "/api/contents/notes.txt",
                "{\"type\": \"file\", \"format\": \"text\", \"content\": \"hello\"}", "zh-CN,zh;q=0.9");
        assertThat(inChinese.statusCode()).isEqualTo(507);
        assertThat(messageOf(inChinese)).startsWith("notes.txt 未保存：存放你文件的磁盘已满");
        assertThat(box.inSandbox("fenna", "python3 -c \"import json; print(''.join(json.load(open('/home/learner/work.ipynb'))['cells'][0]['source']))\"")
                .requireSuccess().stdout()).as("the notebook saved before, whole").isEqualTo("print('first')\n");
        assertThat(box.inSandbox("fenna", "ls -A ~").stdout()).doesNotContain("notes.txt");
        // A kernel still starts, to find and remove what filled the home.
        try (KernelSession python = fenna.startKernel("python3")) {
            assertThat(python.execute("import os; print(os.path.getsize('big') > 2**24)", java.time.Duration.ofMinutes(1)).stdout())
                    .isEqualTo("True\n");
        }

        // Room made: the same save goes through.
        box.inSandbox("fenna", "rm $HOME/big").requireSuccess();
        assertThat(fenna.server("PUT", "/api/contents/work.ipynb", notebook("print('second')")).statusCode()).isEqualTo(200);
        assertThat(box.inSandbox("fenna", "python3 -c \"import json; print(''.join(json.load(open('/home/learner/work.ipynb'))['cells'][0]['source']))\"")
                .stdout()).isEqualTo("print('second')\n");
    }

    /** The box's shared test box allows files of 8 MB (LEARNBOX_SANDBOX_MAX_FILE): JupyterLab uploads a large file in chunks. */
    @Test
    void aFileLargerThanTheBoxAllowsIsRefusedInWordsChunkByChunkAndWhatArrivedOfItIsRemoved() throws Exception {
        RunningBox box = RunningBox.get();
        Learner uma = new Learner(box, "uma");
        uma.logInToLab(box.addUser("uma"));
        assertThat(uma.server("PUT", "/api/contents/small.bin", upload(1, null)).statusCode()).isEqualTo(201);

        assertThat(uma.server("PUT", "/api/contents/data.bin", upload(4, 1)).statusCode()).isIn(200, 201);
        assertThat(uma.server("PUT", "/api/contents/data.bin", upload(4, 2)).statusCode()).as("8 MiB: as large as allowed").isIn(200, 201);
        HttpResponse<String> past = uma.server("PUT", "/api/contents/data.bin", upload(1, -1));
        assertThat(past.statusCode()).isEqualTo(413);
        assertThat(messageOf(past)).isEqualTo("data.bin was not saved: a file in your lab may be at most 8.0 MiB, and this one is larger."
                + " Keep large data sets out of your lab, or ask your teacher for a smaller one.");
        assertThat(box.inSandbox("uma", "ls -A ~").stdout()).as("what arrived of the upload is removed").doesNotContain("data.bin")
                .contains("small.bin");

        HttpResponse<String> whole = uma.server("PUT", "/api/contents/whole.bin", upload(9, null), "zh-CN,zh;q=0.9");
        assertThat(whole.statusCode()).isEqualTo(413);
        assertThat(messageOf(whole)).startsWith("whole.bin 未保存：实验环境中的文件最大为 8.0 MiB");
    }

    /** A file of so many MiB as the contents API takes it, whole or as a chunk of an upload. */
    private static String upload(int mebibytes, Integer chunk) {
        String content = java.util.Base64.getEncoder().encodeToString(new byte[mebibytes << 20]);
        return "{\"type\": \"file\", \"format\": \"base64\", \"content\": \"" + content + "\""
                + (chunk == null ? "" : ", \"chunk\": " + chunk) + "}";
    }
}
