package org.learnbox.kernel;

import java.util.List;

/** A magic that could not do its work: an unknown name, bad arguments, coordinates that do not resolve. */
final class MagicError extends CellError {
    MagicError(String message) {
        super(message, List.of(ErrorFormatter.RED + message + ErrorFormatter.RESET));
    }
}
