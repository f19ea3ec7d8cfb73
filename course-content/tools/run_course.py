#!/usr/bin/env python3
"""Runs every lesson of a course top to bottom with the real kernels, twice.

First as students receive it: any error outside a cell tagged `raises-exception` fails.
Then with the solutions put into the exercise cells: every self-check must say "✅ Right".
Usage (inside learnbox/sandbox): run_course.py COURSE_DIR [LESSON.ipynb ...]
Prints one line per lesson and per failure; exits 1 when anything failed.
"""
import json
import pathlib
import sys
import tempfile

import nbclient
import nbformat
import yaml

RIGHT, NOT_YET = "✅ Right", "❌ Not yet"


def cell_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}")
    return "".join(parts)


def execute(notebook, course_dir, kernel):
    # A scratch copy of the course is the working directory, so lessons that write files
    # leave the source untouched.
    with tempfile.TemporaryDirectory() as scratch:
        for path in course_dir.iterdir():
            if path.is_file():
                (pathlib.Path(scratch) / path.name).write_bytes(path.read_bytes())
        client = nbclient.NotebookClient(
            notebook, kernel_name=kernel, timeout=120, startup_timeout=60,
            resources={"metadata": {"path": scratch}})
        client.execute()


def run_lesson(course_dir, lesson, kernel):
    failures = []
    path = course_dir / lesson
    original = nbformat.read(path, as_version=4)
    nbformat.validate(original)
    if original.metadata.get("kernelspec", {}).get("name") != kernel:
        failures.append(f"{lesson}: kernelspec is not '{kernel}'")
    exercises = [c for c in original.cells if "exercise" in c.metadata.get("tags", [])]
    checks = [c for c in original.cells if "self-check" in c.metadata.get("tags", [])]
    if not exercises or not checks:
        failures.append(f"{lesson}: has no exercise or no self-check cell")

    as_given = nbformat.from_dict(json.loads(json.dumps(original)))
    try:
        execute(as_given, course_dir, kernel)
    except nbclient.exceptions.CellExecutionError as error:
        failures.append(f"{lesson}: a cell failed as students receive it:\n{error}")
        return failures

    solution_file = course_dir / "solutions" / (path.stem + ".json")
    if not solution_file.exists():
        failures.append(f"{lesson}: no solutions file {solution_file.relative_to(course_dir)}")
        return failures
    solutions = json.loads(solution_file.read_text())
    solved = nbformat.from_dict(json.loads(json.dumps(original)))
    ids = {c.get("id") for c in solved.cells if "exercise" in c.metadata.get("tags", [])}
    for missing in sorted(ids - solutions.keys()):
        failures.append(f"{lesson}: exercise {missing} has no solution")
    for unknown in sorted(solutions.keys() - ids):
        failures.append(f"{lesson}: solution for {unknown}, which is not an exercise cell")
    for cell in solved.cells:
        if cell.get("id") in solutions:
            cell.source = solutions[cell.get("id")]
    try:
        execute(solved, course_dir, kernel)
    except nbclient.exceptions.CellExecutionError as error:
        failures.append(f"{lesson}: a cell failed with the solutions in:\n{error}")
        return failures
    for cell in solved.cells:
        if "self-check" in cell.metadata.get("tags", []):
            text = cell_text(cell)
            if NOT_YET in text or RIGHT not in text:
                failures.append(f"{lesson}: self-check {cell.get('id')} with the solution says: {text.strip()}")
    return failures


def main(args):
    course_dir = pathlib.Path(args[0]).resolve()
    course = yaml.safe_load((course_dir / "course.yaml").read_text())
    lessons = args[1:] or [lesson["file"] for lesson in course["lessons"]]
    failures = []
    for lesson in lessons:
        found = run_lesson(course_dir, lesson, course["kernel"])
        print(("FAIL " if found else "ok   ") + lesson, flush=True)
        failures += found
    for failure in failures:
        print(failure, flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
