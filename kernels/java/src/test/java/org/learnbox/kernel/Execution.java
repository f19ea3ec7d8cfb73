package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Everything one execute_request produced, as a frontend would see it. */
record Execution(List<Message<?>> published, List<Message<?>> replies) {

    String stdout() {
        return stream(PublishStream.StreamType.OUT);
    }

    String stderr() {
        return stream(PublishStream.StreamType.ERR);
    }

    /** The stdout stream messages one by one, to show output was sent as it came. */
    List<String> stdoutMessages() {
        return contents(PublishStream.class).stream()
                .filter(s -> s.getStreamType() == PublishStream.StreamType.OUT)
                .map(PublishStream::getText)
                .toList();
    }

    Optional<PublishExecuteResult> result() {
        return contents(PublishExecuteResult.class).stream().findFirst();
    }

    String resultText() {
        return result().map(r -> (String) r.getData(MIMEType.TEXT_PLAIN)).orElse(null);
    }

    List<PublishDisplayData> displays() {
        return contents(PublishDisplayData.class);
    }

    Optional<PublishError> error() {
        return contents(PublishError.class).stream().findFirst();
    }

    /** The traceback without colours, as one text. */
    String traceback() {
        return error().map(e -> String.join("\n", e.getStacktrace()).replaceAll("\u001b\\[[0-9;]*m", ""))
                .orElse("");
    }

    String status() {
        Object reply = replies.getLast().getContent();
        if (reply instanceof ErrorReply error) {
            return error.getStatus();
        }
        return ((ExecuteReply) reply).getStatus().name().toLowerCase();
    }

    int executionCount() {
        return contents(PublishExecuteInput.class).getFirst().getCount();
    }

    static Object data(DisplayData data, String mimeType) {
        return data.getData(MIMEType.parse(mimeType));
    }

    private String stream(PublishStream.StreamType type) {
        return contents(PublishStream.class).stream()
                .filter(s -> s.getStreamType() == type)
                .map(PublishStream::getText)
                .collect(Collectors.joining());
    }

    private <T> List<T> contents(Class<T> type) {
        return published.stream().map(Message::getContent).filter(type::isInstance).map(type::cast).toList();
    }
}
