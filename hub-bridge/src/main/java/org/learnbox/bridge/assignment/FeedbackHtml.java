package org.learnbox.bridge.assignment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.learnbox.bridge.work.NotebookView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A graded notebook as a page of its own for the student's feedback folder: the points of each
 * graded cell with the grader's error or the teacher's comment, then the notebook as it ran,
 * shown as the box shows notebooks (text and pictures, the notebook's own HTML never run).
 */
@Component
class FeedbackHtml {
    private final ITemplateEngine templates;

    FeedbackHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(String title, String notebookName, Submission submission, List<SubmissionCell> cells, byte[] gradedNotebook, Locale locale) {
        Context page = new Context(locale);
        page.setVariable("title", title);
        page.setVariable("notebookName", notebookName);
        page.setVariable("submittedAt", submission.getSubmittedAt().toString());
        page.setVariable("score", AssignmentSource.points(submission.getScore()));
        page.setVariable("maxScore", AssignmentSource.points(submission.getMaxScore()));
        page.setVariable("cells", cells.stream().filter(c -> c.notebook().equals(notebookName)).toList());
        page.setVariable("points", (Function<Double, String>) AssignmentSource::points);
        page.setVariable("notebook", NotebookView.read(gradedNotebook));
        return templates.process("feedback", page).getBytes(StandardCharsets.UTF_8);
    }
}
