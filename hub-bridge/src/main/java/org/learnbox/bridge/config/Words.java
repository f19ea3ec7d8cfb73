package org.learnbox.bridge.config;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The box's words from its message bundles in the language of the request being answered (see
 * {@link BoxLanguages}), for what Java code says to a person: refusals, notices, states. An
 * argument may itself be words ({@link #phrase}, {@link #list}), said in the same language.
 */
@Component
public class Words {
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    /** Between the parts of a {@link #list}: "; " in English. */
    static final String SEPARATOR = "words.separator";

    private final MessageSource messages;

    public Words(MessageSource messages) {
        this.messages = messages;
    }

    /** Parts said one after another, each a phrase or plain text, between them {@code words.separator}. */
    public record Listed(List<?> parts) {
        public Listed {
            parts = List.copyOf(parts);
        }
    }

    /** Words to be an argument of other words. */
    public static MessageSourceResolvable phrase(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments);
    }

    /** Parts to be one argument of other words: "a; b; c". */
    public static Listed list(List<?> parts) {
        return new Listed(parts);
    }

    /** The words of a key in the reader's language. */
    public String of(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, said(arguments, w -> said(w, locale), messages.getMessage(SEPARATOR, null, locale)),
                locale);
    }

    /** A refusal's (or any resolvable's) words in the reader's language. */
    public String of(MessageSourceResolvable words) {
        return said(words, LocaleContextHolder.getLocale());
    }

    private String said(MessageSourceResolvable words, Locale locale) {
        Object[] arguments = said(words.getArguments(), w -> said(w, locale), messages.getMessage(SEPARATOR, null, locale));
        return messages.getMessage(new DefaultMessageSourceResolvable(words.getCodes(), arguments,
                words.getDefaultMessage()), locale);
    }

    /**
     * The words of a key in English, outside any request; formatted as Spring formats the bundles:
     * a message without arguments as written, one with arguments by {@link MessageFormat}.
     */
    public static String english(String key, Object... arguments) {
        String pattern = ENGLISH.getString(key);
        if (arguments == null || arguments.length == 0) return pattern;
        return new MessageFormat(pattern, Locale.ENGLISH).format(said(arguments, Words::english, ENGLISH.getString(SEPARATOR)));
    }

    /** Resolvable words in English. */
    public static String english(MessageSourceResolvable words) {
        String[] codes = words.getCodes();
        return codes == null || codes.length == 0 ? words.getDefaultMessage() : english(codes[0], words.getArguments());
    }

    /** The arguments with words among them said by {@code say}. */
    private static Object[] said(Object[] arguments, Function<MessageSourceResolvable, String> say, String separator) {
        if (arguments == null) return null;
        return Arrays.stream(arguments).map(a -> said(a, say, separator)).toArray();
    }

    private static Object said(Object argument, Function<MessageSourceResolvable, String> say, String separator) {
        if (argument instanceof MessageSourceResolvable words) return say.apply(words);
        if (argument instanceof Listed listed) {
            return listed.parts().stream().map(p -> String.valueOf(said(p, say, separator))).collect(Collectors.joining(separator));
        }
        return argument;
    }
}
