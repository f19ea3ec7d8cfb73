"""The self-check helper of this course: each lesson runs `from check import check`."""


def check(what, actual, expected):
    if actual == expected:
        print(f"✅ Right: {what}")
    else:
        print(f"❌ Not yet: {what} (expected {expected!r}, got {actual!r})")
