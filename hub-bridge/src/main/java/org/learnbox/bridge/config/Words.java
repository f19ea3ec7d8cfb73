package org.learnbox.bridge.config;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The box's words from its message bundles in the language of the request being answered (see
 * {@link BoxLanguages}), for what Java code says to a person: refusals, notices, states.
 */
@Component
public class Words {
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    /** The words of a key in the reader's language. */
    public String of(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** A refusal's (or any resolvable's) words in the reader's language. */
    public String of(MessageSourceResolvable words) {
        return messages.getMessage(words, LocaleContextHolder.getLocale());
    }

    /**
     * The words of a key in English, outside any request; formatted as Spring formats the bundles:
     * a message without arguments as written, one with arguments by {@link MessageFormat}.
     */
    public static String english(String key, Object... arguments) {
        String pattern = ENGLISH.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
