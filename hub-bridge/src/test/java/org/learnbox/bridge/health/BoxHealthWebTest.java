package org.learnbox.bridge.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin's Box health page and its charts' data, from samples as the sampler keeps them. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:bridge-health-test;DB_CLOSE_DELAY=-1",
        "learnbox.health.sample-every=1h"}) // the samples here are the test's own
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BoxHealthWebTest {
    @Autowired MockMvc mvc;
    @Autowired BoxSampleRepository samples;
    @Autowired BoxDisks disks;
    @MockitoBean BoxUsage usage;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @BeforeEach
    void aDayOfSamples() {
        samples.deleteAll();
        disks.forget();
        samples.saveAll(List.of(
                new BoxSample(now.minus(2, ChronoUnit.DAYS), "memory.hub", 1), // older than a day: not shown
                new BoxSample(now.minusSeconds(120), "sandboxes.running", 1),
                new BoxSample(now.minusSeconds(120), "memory.hub", 100 << 20),
                new BoxSample(now.minusSeconds(60), "sandboxes.running", 2),
                new BoxSample(now.minusSeconds(60), "memory.hub", 120 << 20),
                new BoxSample(now.minusSeconds(60), "memory.sandboxes", 3L << 30),
                new BoxSample(now.minusSeconds(60), "cpu.sandboxes", 1.25),
                new BoxSample(now.minusSeconds(60), "memory.rabbit", 5 << 20),
                new BoxSample(now.minusSeconds(60), "memory.proxy", 40 << 20),
                new BoxSample(now.minusSeconds(60), "spawn.seconds", 1.5)));
        when(usage.disks()).thenReturn(List.of(new BoxUsage.Disk("home", "ada", "lb-home-ada", 300L << 20),
                new BoxUsage.Disk("home", "bob", "lb-home-bob", 30L << 20), new BoxUsage.Disk("app", "ada", "hello", 80L << 20)));
    }

    @Test
    void theAdminSeesEachPartNowTheHomesBiggestFirstAndTheChartsPlaces() throws Exception {
        String page = mvc.perform(get("/admin/health").with(user("chief").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<strong>2</strong> learners' sandboxes run now")
                .containsSubsequence("Proxy (the front door)", "40 MiB", "JupyterHub", "120 MiB", "Learners&#39; sandboxes", "3.0 GiB", "1.25", "rabbit", "5 MiB")
                .contains("Learners&#39; homes: 2, 330 MiB in all.").containsSubsequence("ada", "300 MiB", "width: 100%", "bob", "30 MiB", "width: 10%")
                .contains("Live apps: 1, 80 MiB in all").contains("ada/hello")
                .contains("id=\"chart-memory\"", "id=\"chart-spawn\"", "/webjars/uplot/dist/uPlot.iife.min.js");
        mvc.perform(get("/webjars/uplot/dist/uPlot.iife.min.js")).andExpect(status().isOk());
    }

    @Test
    void inChineseToo() throws Exception {
        String page = mvc.perform(get("/admin/health").param("lang", "zh-CN").with(user("chief").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("运行状况", "现在有 <strong>2</strong> 个学习者沙箱在运行", "代理（入口）", "学习者主目录：2 个，共 330 MiB");
    }

    @Test
    void theChartsDataIsTheLastDaysMinutesWithAGapWhereASeriesHasNoValue() throws Exception {
        JsonNode data = JsonMapper.builder().build().readTree(mvc.perform(get("/admin/health/samples").with(user("chief").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(data.path("times").size()).isEqualTo(2);
        assertThat(data.path("times").get(1).asLong()).isEqualTo(now.minusSeconds(60).getEpochSecond());
        assertThat(data.path("series").path("memory.hub").get(0).asDouble()).isEqualTo(100 << 20);
        assertThat(data.path("series").path("memory.hub").get(1).asDouble()).isEqualTo(120 << 20);
        assertThat(data.path("series").path("spawn.seconds").toString()).isEqualTo("[null,1.5]");
    }

    @Test
    void withDockerDownTheDiskIsSaidUnknownAndTheRestShows() throws Exception {
        when(usage.disks()).thenThrow(new IllegalStateException("the Docker engine does not answer"));
        String page = mvc.perform(get("/admin/health").with(user("chief2").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The Docker engine does not answer: the disk could not be measured.", "JupyterHub");
    }

    @Test
    void onlyAdminsSeeIt() throws Exception {
        mvc.perform(get("/admin/health").with(user("t").roles("TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/health/samples").with(user("s").roles("STUDENT"))).andExpect(status().isForbidden());
    }
}
