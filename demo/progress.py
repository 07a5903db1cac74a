"""A one-line progress bar for long management commands."""

import time


class ProgressBar:
    """A one-line progress bar with rate and time left, written to stderr."""

    def __init__(self, stream, total, label):
        self.stream, self.total, self.label = stream, total, label
        self.started = time.monotonic()
        self.interactive = stream.isatty()
        self.last_line = 0.0

    def write(self, text):
        self.stream.write(text, ending="")
        self.stream.flush()

    def update(self, done):
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate else 0
        width = 30
        filled = int(width * done / self.total) if self.total else width
        line = (
            f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,} "
            f"{rate:,.0f}/s, {left:,.0f} s left"
        )
        now = time.monotonic()
        if self.interactive:
            self.write("\r" + line)
        elif done == self.total or now - self.last_line >= 5:
            self.write(line + "\n")
            self.last_line = now

    def finish(self):
        if self.interactive:
            self.write("\n")
        elapsed = time.monotonic() - self.started
        self.write(f"{self.label}: {self.total:,} in {elapsed:,.1f} s\n")
