"""A sandbox at its process limit refuses new kernels and terminals in words; a full disk, saves.

Without this, a fork bomb whose children still sleep makes every new kernel or terminal fail
with "Unhandled error" (fork() refused deep inside). Here the lab's server looks first: when
the sandbox's cgroup is near its limit of processes (threads count too), it answers 503 with a
message that names the limit and the kernel holding the most of them, in the learner's
language; shutting that kernel down ends its whole process group (learnbox-kernel) and frees them.

A save into a disk without room for it would fail with "Unexpected error while saving file ...
[Errno 28]", and could leave the file cut short. Here a save that does not fit is refused (507)
before the file is touched, in words that say what to do; what was saved stays as it was.

A file larger than the box allows (LEARNBOX_MAX_FILE_BYTES) is refused (413) in words, an upload
chunk by chunk as it arrives; what arrived of a refused upload is removed.
"""
import contextvars
import errno
import inspect
import json
import os

from jupyter_server.base.handlers import JupyterHandler
from tornado import web
from tornado.ioloop import IOLoop

# A kernel starts with a score of threads (the Java kernel's JVM more); a terminal with a few.
HEADROOM = 48

WORDS = {
    "en": {
        "kernel": "No new kernel can start: this sandbox is at its limit of {limit} processes.",
        "terminal": "No new terminal can open: this sandbox is at its limit of {limit} processes.",
        "holder": " The {kernel} kernel of {notebook} holds {count} of them: shut that kernel down"
                  " (Kernel menu > Shut Down Kernel) and try again.",
        "no-notebook": "a notebook of its own (no file)",
        "no-holder": " Close what runs in your terminals and kernels, then try again.",
        "full": "{path} was not saved: the disk that holds your files is full ({free} free)."
                " What you saved before stays as it was. Delete files you no longer need (in a terminal,"
                " du -sh ~/* shows what takes the room), then save again.",
        "too-big": "{path} was not saved: a file in your lab may be at most {most}, and this one is larger."
                   " Keep large data sets out of your lab, or ask your teacher for a smaller one.",
    },
    "zh": {
        "kernel": "无法启动新的内核：此沙箱已达到 {limit} 个进程的上限。",
        "terminal": "无法打开新的终端：此沙箱已达到 {limit} 个进程的上限。",
        "holder": "{notebook} 的 {kernel} 内核占用了其中 {count} 个：请关闭该内核（内核菜单 > 关闭内核）后重试。",
        "no-notebook": "（没有文件的）",
        "no-holder": "请结束终端和内核中正在运行的程序，然后重试。",
        "full": "{path} 未保存：存放你文件的磁盘已满（剩余 {free}）。之前保存的内容保持不变。"
                "请删除不再需要的文件（在终端中运行 du -sh ~/* 可查看占用空间的文件），然后再次保存。",
        "too-big": "{path} 未保存：实验环境中的文件最大为 {most}，而这个文件更大。"
                   "请不要把大型数据集放在实验环境中，或者向老师要一个更小的文件。",
    },
}

_language = contextvars.ContextVar("learnbox_language", default="en")


def pids_in_use():
    """(limit, current) of this sandbox's cgroup; limit None when there is none."""
    for folder in ("/sys/fs/cgroup/pids", "/sys/fs/cgroup"):
        try:
            with open(os.path.join(folder, "pids.max"), encoding="ascii") as limit_file:
                limit = limit_file.read().strip()
            with open(os.path.join(folder, "pids.current"), encoding="ascii") as current_file:
                current = int(current_file.read())
        except (OSError, ValueError):
            continue
        return (None if limit == "max" else int(limit)), current
    return None, 0


def tasks_by_process_group():
    """How many tasks (a process and its threads) each process group has."""
    counts = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat_file:
                stat = stat_file.read()
            fields = stat[stat.rindex(")") + 2:].split()
            group, threads = int(fields[2]), int(fields[17])
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        counts[group] = counts.get(group, 0) + threads
    return counts


def notebook_of(pid):
    """The notebook a kernel runs for (JPY_SESSION_NAME, which Jupyter gives each kernel), or None."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as environ_file:
            for variable in environ_file.read().split(b"\0"):
                if variable.startswith(b"JPY_SESSION_NAME="):
                    return variable.split(b"=", 1)[1].decode("utf-8", "replace") or None
    except OSError:
        pass
    return None


class ProcessLimit:
    def __init__(self, server):
        self.server = server

    def check(self, what):
        limit, current = pids_in_use()
        if limit is None or current + HEADROOM < limit:
            return
        words = WORDS[_language.get()]
        message = words[what].format(limit=limit) + self.holder(words)
        self.server.log.warning("learnbox limits: %s refused at %d of %d processes", what, current, limit)
        raise web.HTTPError(503, message, reason="Process limit reached")  # the message as it is: Jupyter answers log_message

    def holder(self, words):
        kernels = self.server.kernel_manager
        counts = tasks_by_process_group()
        best = None
        for kernel_id in list(kernels.list_kernel_ids()):
            kernel = kernels.get_kernel(kernel_id)
            provisioner = getattr(kernel, "provisioner", None)
            group = getattr(provisioner, "pgid", None)
            pid = getattr(provisioner, "pid", None)
            if group is None or pid is None:
                continue
            count = counts.get(group, 0)
            if best is None or count > best[0]:
                best = (count, kernel, pid)
        if best is None or best[0] == 0:
            return words["no-holder"]
        count, kernel, pid = best
        try:
            display = kernels.kernel_spec_manager.get_kernel_spec(kernel.kernel_name).display_name
        except Exception:  # a kernel whose spec went away still has its name
            display = kernel.kernel_name
        notebook = notebook_of(pid)
        if notebook and os.path.isabs(notebook):  # as the file browser shows it
            notebook = os.path.relpath(notebook, self.server.root_dir)
        return words["holder"].format(kernel=display, notebook=notebook or words["no-notebook"], count=count)


# Room kept beyond what a save writes: the copy of the old file Jupyter makes first, the file system's own.
SAVE_MARGIN = 1 << 20


def in_words(size):
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024


def bytes_to_write(model):
    """About what a save writes: its text, its notebook as JSON, or its base64's bytes."""
    content = model.get("content")
    if content is None:
        return 0
    if model.get("format") == "base64" and isinstance(content, str):
        return len(content) * 3 // 4 - content[-2:].count("=")
    if isinstance(content, str):
        return len(content.encode("utf-8"))
    return len(json.dumps(content, ensure_ascii=False).encode("utf-8"))


def no_room(error):
    """Whether an error, or what caused it, is a disk without room."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        error = error.__cause__ or error.__context__
    return False


class DiskRoom:
    def __init__(self, server):
        self.server = server

    def refusal(self, path, free):
        words = WORDS[_language.get()]
        return web.HTTPError(507, words["full"].format(path=path.strip("/"), free=in_words(free)), reason="Disk full")

    def free_at(self, os_path):
        folder = os_path if os.path.isdir(os_path) else os.path.dirname(os_path)
        while folder and not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        stats = os.statvfs(folder or self.server.root_dir)
        return stats.f_bavail * stats.f_frsize

    def check(self, model, path):
        """Refuses a save that does not fit, before anything of the file is touched."""
        if not model or model.get("type") == "directory" or model.get("chunk") not in (None, 1):
            return
        os_path = os.path.join(self.server.root_dir, path.strip("/"))
        old = os.path.getsize(os_path) if os.path.isfile(os_path) else 0
        free = self.free_at(os_path)
        if bytes_to_write(model) + old + SAVE_MARGIN > free:
            self.server.log.warning("learnbox limits: a save of %s refused, %d bytes free", path, free)
            raise self.refusal(path, free)

    def refusal_now(self, path):
        return self.refusal(path, self.free_at(os.path.join(self.server.root_dir, path.strip("/"))))


class FileSize:
    """The largest file of the lab: a save or an upload past it is refused, chunk by chunk."""

    def __init__(self, server, most):
        self.server = server
        self.most = most

    def check(self, model, path):
        if not self.most or not model or model.get("type") == "directory":
            return
        os_path = os.path.join(self.server.root_dir, path.strip("/"))
        chunk = model.get("chunk")
        arrived = os.path.getsize(os_path) if chunk not in (None, 1) and os.path.isfile(os_path) else 0
        if arrived + bytes_to_write(model) <= self.most:
            return
        if chunk not in (None, 1) and os.path.isfile(os_path):
            os.remove(os_path)  # the first chunks of an upload that cannot be whole
        self.server.log.warning("learnbox limits: %s refused, past %d bytes", path, self.most)
        words = WORDS[_language.get()]
        raise web.HTTPError(413, words["too-big"].format(path=path.strip("/"), most=in_words(self.most)), reason="File too large")


def _most_file_bytes():
    try:
        return int(os.environ.get("LEARNBOX_MAX_FILE_BYTES", "0"))
    except ValueError:
        return 0


def _guard_saves(contents, room, size):
    save = contents.save
    if inspect.iscoroutinefunction(save):
        async def save_with_room(model, path=""):
            size.check(model, path)
            room.check(model, path)
            try:
                return await save(model, path)
            except Exception as error:
                if no_room(error):
                    raise room.refusal_now(path) from error
                raise
    else:
        def save_with_room(model, path=""):
            size.check(model, path)
            room.check(model, path)
            try:
                return save(model, path)
            except Exception as error:
                if no_room(error):
                    raise room.refusal_now(path) from error
                raise
    contents.save = save_with_room


def _language_of(handler):
    accepted = handler.request.headers.get("Accept-Language", "")
    first = accepted.split(",")[0].strip().lower()
    return "zh" if first.startswith("zh") else "en"


def _load_jupyter_server_extension(server):
    limit = ProcessLimit(server)

    prepare = JupyterHandler.prepare

    async def prepare_with_language(self, *args, **kwargs):
        _language.set(_language_of(self))
        result = prepare(self, *args, **kwargs)
        if result is not None:
            await result

    JupyterHandler.prepare = prepare_with_language

    kernels = server.kernel_manager
    start_kernel = kernels.start_kernel

    async def start_kernel_within_limit(*args, **kwargs):
        limit.check("kernel")
        return await start_kernel(*args, **kwargs)

    kernels.start_kernel = start_kernel_within_limit
    _guard_saves(server.contents_manager, DiskRoom(server), FileSize(server, _most_file_bytes()))

    def guard_terminals():  # once every extension is loaded: the terminals' own makes the manager
        terminals = server.web_app.settings.get("terminal_manager")
        if terminals is None:
            return
        create = terminals.create

        def create_within_limit(**kwargs):
            limit.check("terminal")
            return create(**kwargs)

        terminals.create = create_within_limit

    IOLoop.current().add_callback(guard_terminals)


def _jupyter_server_extension_points():
    return [{"module": "learnbox_limits"}]
