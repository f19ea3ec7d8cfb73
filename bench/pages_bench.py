#!/usr/bin/env python3
"""Page times: a teacher's login to the dashboard, and each page of the box with a class of 30.

Starts its own box (see benchbox.py). A teacher makes a class with both bundled courses; 30
students join and log in (so 30 sandboxes run, as in a lesson) and each answers some of the
lessons' self-checks through /api/progress, as the lessons' check helpers do. Then it times,
through the front door as a browser asks: the teacher's login (the form's POST to the dashboard's
HTML, no sandbox started), and every page a teacher, an admin and a student open, each many
times one after the other. Usage: bench/pages_bench.py [--students N] [--times N] [--keep]
"""
import argparse
import concurrent.futures
import json
import pathlib
import random
import re
import statistics
import time
import urllib.request

from benchbox import BASE, Browser, add_user, login_to_api, make_class, sh, wipe

COURSES = pathlib.Path(__file__).resolve().parent.parent / "course-content"
CHECK = re.compile(r"""(?<![\w.])check\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')""")


def checks_of(course):
    """Each lesson file of a bundled course with the names its code cells give check(...)."""
    lessons = {}
    for lesson in sorted((COURSES / course).glob("*.ipynb")):
        names = []
        for cell in json.loads(lesson.read_text())["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                names += [re.sub(r"\\(.)", r"\1", a or b) for a, b in CHECK.findall(source)]
        lessons[lesson.name] = list(dict.fromkeys(names))
    return lessons


def answer_checks(browser, course, lessons, rng):
    _, _, html = browser.get("/")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    for lesson, names in list(lessons.items())[:rng.randint(1, len(lessons))]:
        for name in names:
            body = json.dumps({"notebook": f"courses/{course}/{lesson}", "check": name, "passed": rng.random() < 0.7}).encode()
            request = urllib.request.Request(BASE + "/api/progress", data=body, method="POST",
                                             headers={"Content-Type": "application/json", "X-CSRF-TOKEN": csrf})
            with browser.opener.open(request, timeout=60) as answered:
                if answered.status != 204:
                    raise RuntimeError(f"{browser.name}: progress answered {answered.status}")


def timed(browser, path, times):
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        status, _, _ = browser.get(path)
        seconds.append(time.perf_counter() - start)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    return seconds


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--times", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="leave the bench box up afterwards")
    args = parser.parse_args()
    rng = random.Random(7)

    wipe()
    sh("./box", "up")
    try:
        code = make_class("bench-teacher", "Bench class")
        teacher_password = "bench-bench-teacher-password"
        teacher = Browser("bench-teacher")
        teacher.log_in(teacher_password)
        _, _, classes = teacher.get("/classes")
        class_page = re.search(r'href="(/classes/\d+)"', classes).group(1)
        for course in ("python-from-zero", "java-from-zero"):
            teacher.submit(class_page, class_page + "/courses", {"course": course})

        names = [f"pupil{i:02d}" for i in range(args.students)]
        passwords = {n: add_user(n) for n in names}
        # A few at a time: what is timed here is the pages, not a class logging in together (bench/spawn_bench.py).
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            students = list(pool.map(lambda n: login_to_api(n, passwords[n])[0], names))
        python_checks, java_checks = checks_of("python-from-zero"), checks_of("java-from-zero")
        for student in students:
            student.submit("/", "/join", {"code": code})
            answer_checks(student, "python-from-zero", python_checks, rng)
            answer_checks(student, "java-from-zero", java_checks, rng)
        admin_password = add_user("bench-admin", "admin")
        admin = Browser("bench-admin")
        admin.log_in(admin_password)

        logins = []
        for _ in range(args.times):
            browser = Browser("bench-teacher")
            _, _, form = browser.get("/login")
            csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
            body = f"username=bench-teacher&password={teacher_password}&_csrf={urllib.request.quote(csrf)}".encode()
            start = time.perf_counter()
            with browser.opener.open(urllib.request.Request(BASE + "/login", data=body), timeout=60) as landed:
                page = landed.read().decode()
                logins.append(time.perf_counter() - start)
                if urllib.request.urlparse(landed.geturl()).path != "/" or 'id="nav-classes"' not in page:
                    raise RuntimeError(f"the teacher's login landed on {landed.geturl()}")

        student = students[0]
        student.submit("/", "/courses/update", {})  # joined after their sandbox started: the courses come now
        pages = [
            ("teacher", teacher, "/"), ("teacher", teacher, "/classes"),
            ("teacher", teacher, class_page), ("teacher", teacher, f"{class_page}/students/{student.name}"),
            ("teacher", teacher, f"{class_page}/students/{student.name}/notebook?path=courses/python-from-zero/03-conditions.ipynb"),
            ("teacher", teacher, "/students/repositories"), ("teacher", teacher, "/apps/moderation"),
            ("teacher", teacher, "/snippets"), ("admin", admin, "/admin/accounts"), ("admin", admin, "/admin/backups"),
            ("student", student, "/"), ("student", student, "/snippets"), ("student", student, "/repositories"),
            ("student", student, "/tokens"), ("student", student, "/account/password"),
        ]
        print(f"| the teacher's login: POST /login to the dashboard's HTML, {args.times} times | "
              f"p50 {statistics.median(logins) * 1000:.0f} ms, p95 {p95(logins) * 1000:.0f} ms |")
        for who, browser, path in pages:
            browser.get(path)  # once before, as a person who opens it twice
            seconds = timed(browser, path, args.times)
            print(f"| {who} `{path.replace('bench-', '')}` ({args.students} students, {args.times} times) | "
                  f"p50 {statistics.median(seconds) * 1000:.0f} ms, p95 {p95(seconds) * 1000:.0f} ms |")
    finally:
        if not args.keep:
            wipe()


if __name__ == "__main__":
    main()
