package org.learnbox.bridge.snippet;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.learnbox.bridge.config.DataDiskFull;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor: a new snippet, and a change to one (which the service keeps as a new version).
 * The form posts back here for "add a file" and "remove" too, so it works without JavaScript;
 * a refused save shows the editor again with everything as typed and the refusal in words.
 */
@Controller
class SnippetEditorController {
    private final SnippetService snippets;
    private final String previewUrl;
    private final SnippetWords choices;
    private final Words words;

    SnippetEditorController(SnippetService snippets, LearnboxProperties properties, SnippetWords choices, Words words) {
        this.snippets = snippets;
        this.choices = choices;
        this.words = words;
        this.previewUrl = properties.apps().previewUrl();
    }

    @GetMapping("/snippets/new")
    String blank(@RequestParam(defaultValue = "java") String language, @RequestParam(required = false) String starter, Model model) {
        SnippetForm form = SnippetStarters.of(starter == null ? "" : starter).map(SnippetStarters::form)
                .orElseGet(() -> SnippetForm.blank(SnippetModes.languageOr(language, Language.JAVA)));
        return editor(form, null, model);
    }

    @PostMapping("/snippets")
    String create(@ModelAttribute("form") SnippetForm form, @RequestParam(required = false) String addFile,
            @RequestParam(required = false) Integer removeFile, Principal principal, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        if (changesFilesOnly(form, addFile, removeFile)) return editor(form, null, model);
        try {
            SnippetView made = snippets.create(principal.getName(), form.toDraft());
            flash.addFlashAttribute("notice", words.of("snippet.notice.created", made.title()));
            return "redirect:/s/" + made.id();
        } catch (SnippetException | DataDiskFull refused) {
            return refusedEditor(form, null, refused, model, response);
        }
    }

    @GetMapping("/s/{id}/edit")
    String edit(@PathVariable String id, Principal principal, Model model) {
        SnippetView snippet = editable(id, principal);
        return editor(SnippetForm.of(snippet), snippet, model);
    }

    @PostMapping("/s/{id}/edit")
    String save(@PathVariable String id, @ModelAttribute("form") SnippetForm form,
            @RequestParam(required = false) String addFile, @RequestParam(required = false) Integer removeFile,
            Principal principal, Model model, HttpServletResponse response, RedirectAttributes flash) {
        SnippetView before = editable(id, principal);
        if (changesFilesOnly(form, addFile, removeFile)) return editor(form, before, model);
        try {
            SnippetView saved = snippets.edit(id, form.toDraft(), principal.getName());
            flash.addFlashAttribute("notice", words.of(saved.version() == before.newestVersion() ? "snippet.notice.unchanged"
                    : "snippet.notice.saved", saved.version()));
            return "redirect:/s/" + id;
        } catch (SnippetException | DataDiskFull refused) {
            return refusedEditor(form, before, refused, model, response);
        }
    }

    /** The newest version, if the person may change the snippet; the service says the same when saving. */
    private SnippetView editable(String id, Principal principal) {
        SnippetView snippet = snippets.read(id, principal.getName());
        if (!snippet.mayEdit()) {
            throw new NotYourSnippetException("snippet.refused.change-not-yours", snippet.owner());
        }
        return snippet;
    }

    /** "Add a file" and "Remove" change the form only; nothing is saved until "Save". */
    private static boolean changesFilesOnly(SnippetForm form, String addFile, Integer removeFile) {
        if (addFile != null) form.addFile();
        else if (removeFile != null) form.removeFile(removeFile);
        return addFile != null || removeFile != null;
    }

    /** The editor again with what the person typed, and why it was not saved (422; 507 when the box's disk is full). */
    private String refusedEditor(SnippetForm form, SnippetView snippet, Refusal refused, Model model,
            HttpServletResponse response) {
        response.setStatus(refused instanceof DataDiskFull ? refused.status().value() : 422);
        model.addAttribute("error", words.of(refused));
        return editor(form, snippet, model);
    }

    /** The editor page; {@code snippet} is the one being changed, or null for a new one. */
    private String editor(SnippetForm form, SnippetView snippet, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("snippet", snippet);
        model.addAttribute("languages", choices.languages());
        model.addAttribute("firstFiles", SnippetModes.FIRST_FILE_NAMES);
        model.addAttribute("visibilities", choices.visibilities());
        model.addAttribute("previewUrl", previewUrl);
        return "snippet-edit";
    }
}
