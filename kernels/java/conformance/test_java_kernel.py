"""Jupyter's kernel conformance suite (Debian: python3-jupyter-kernel-test) for the LearnBox Java kernel.

Runs inside learnbox/sandbox, where the kernelspec "java" is installed:

    python3 -m unittest -v test_java_kernel

Each attribute below turns one of the suite's tests on; what the kernel does not support is left unset, so the suite
skips it (the pager, clear_output).
"""

import unittest

import jupyter_kernel_test


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "java"

    # kernel_info
    language_name = "java"
    file_extension = ".java"

    # execute: streams
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    # execute: an error is one `error` message and an error reply
    code_generate_error = 'throw new IllegalStateException("boom");'

    # execute: the trailing expression's value, shown as JShell shows it; magics too
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"hello" + "!"', "result": '"hello!"'},
        {"code": "%%html\n<b>bold</b>", "mime": "text/html", "result": "<b>bold</b>"},
    ]

    # display(...) from a cell publishes display_data
    code_display_data = [
        {"code": 'display(html("<b>hi</b>"));', "mime": "text/html"},
        {"code": 'display(markdown("*hi*"));', "mime": "text/markdown"},
    ]

    # history: one session per kernel, kept in memory; the pattern is a glob matching only "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*"

    # complete: only that a valid complete_reply comes back (the exact set of matches depends on the JDK)
    completion_samples = [
        {"text": "Math.ma"},
        {"text": "String s = \"\"; s.len"},
        {"text": "System.out.pr"},
    ]

    # is_complete
    complete_code_samples = ["int x = 1;", "1 + 1", "int y = 2;\ny + 1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {\n    if (true) {"]
    invalid_code_samples = ["}"]

    # inspect: signature (and Javadoc where the JDK has it) of the name before the cursor
    code_inspect_sample = "Math.max"


if __name__ == "__main__":
    unittest.main()
