#!/usr/bin/env python3
"""The web page in a real browser: serves web/dist/ on 127.0.0.1, drives headless Chromium
through ChromeDriver (the W3C WebDriver protocol, spoken with the standard library), and
reads the page's text.

    web/build.sh && python3 web/check.py [--screenshot PATH]

Checks, each with its expected text worked out here, not read from the program:
- `?scenario=two-two-two&phase=4&lang=en` shows the output delta of the worked iteration,
  δ² = (O − d)·O(1 − O), computed below from the scenario's numbers;
- a click on the second output neuron shows its delta; a key press (Space, through
  WebDriver's actions) and the page's `next` button each step one phase: to the hidden
  delta, then to the gradients;
- `lang=ko` shows Korean, and without `lang` a browser set to Korean does too;
- compare mode and practice mode open on `mse-vs-ce`; `?lesson=backprop` opens the lesson; an unknown scenario is said, and two-two-two opens;
- the first frame's text is there within 1 s of the page starting to load, and a step is
  drawn within 150 ms of its key;
- a resize redraws the screen to the window's new size; `S` offers the session as a
  download (the status says so), and so does saving a scenario from the settings panel.

Needs chromium and chromedriver (Debian: `apt-get install chromium chromium-driver`).
"""

from __future__ import annotations

import argparse
import base64
import functools
import http.server
import json
import math
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

DIST = Path(__file__).resolve().parent / "dist"
FIRST_FRAME_LIMIT_MS = 1000.0
# The terminal draws every 33 ms; a step in the page should show within a few frames.
STEP_LIMIT_MS = 150.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(directory: Path) -> str:
    """A static server for `directory` in a thread; its address."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript"}

    def log_message(self, *args):
        pass


class Browser:
    """One headless Chromium session driven through ChromeDriver."""

    def __init__(self, driver: str, language: str):
        self.base = driver
        options = {"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                            "--window-size=1280,900", f"--lang={language}"],
                   "prefs": {"intl.accept_languages": language}}
        if shutil.which("chromium"):
            options["binary"] = shutil.which("chromium")
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome",
                                                 "goog:chromeOptions": options}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            detail = json.loads(e.read() or b"{}").get("value", {})
            raise CheckError(f"WebDriver {method} {path}: {detail.get('error', e.code)}: "
                             f"{detail.get('message', '')[:500]}") from None

    def on(self, path: str, body: dict | None = None, method: str = "POST"):
        return self.call(method, f"/session/{self.session}{path}", body)

    def open(self, url: str) -> None:
        self.on("/url", {"url": url})

    def script(self, source: str):
        return self.on("/execute/sync", {"script": source, "args": []})

    def text(self) -> str:
        return self.script("const s = document.getElementById('screen');"
                           "return s ? s.innerText : '';") or ""

    def wait_for(self, wanted: list[str], what: str, timeout: float = 10.0) -> tuple[str, float]:
        """Polls the page's text until it holds every string of `wanted`; the text and the
        page's clock (ms since it started loading) when it did."""
        end = time.monotonic() + timeout
        text = ""
        while time.monotonic() < end:
            found = self.script("const s = document.getElementById('screen');"
                                "return [s ? s.innerText : '', performance.now()];")
            text, at = found[0] or "", found[1]
            if all(w in text for w in wanted):
                return text, at
            time.sleep(0.02)
        missing = [w for w in wanted if w not in text]
        raise CheckError(f"{what}: {missing} never appeared; the page's text was:\n{text[:3000]}")

    def press(self, key: str) -> None:
        self.on("/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]})

    def click(self, element_id: str) -> None:
        element = self.on("/element", {"using": "css selector", "value": f"#{element_id}"})
        reference = next(iter(element.values()))
        self.on(f"/element/{reference}/click", {})

    def click_text(self, text: str) -> None:
        """Clicks the cell where `text` first starts on the screen."""
        element = self.script(
            "const rows = document.querySelectorAll('#screen pre');"
            "for (const row of rows) {"
            "  const cells = Array.from(row.children);"
            f"  const at = cells.map(c => c.textContent).join('').indexOf({json.dumps(text)});"
            "  if (at >= 0) { return cells[at]; }"
            "}"
            "return null;")
        if not element:
            raise CheckError(f"{text!r} is not on the screen to click")
        self.on(f"/element/{next(iter(element.values()))}/click", {})

    def step_time(self) -> float:
        """The median time, over 9 steps, from a key press (Space, dispatched in the page)
        until the screen's first row (the status line, naming the phase) has changed."""
        return self.on("/execute/async", {"args": [], "script": """
            const done = arguments[arguments.length - 1];
            const status = () => document.querySelector('#screen pre').textContent;
            const times = [];
            const step = () => {
              const before = status(), start = performance.now();
              window.dispatchEvent(new KeyboardEvent('keydown', {key: ' '}));
              const wait = () => {
                if (status() !== before) {
                  times.push(performance.now() - start);
                  if (times.length < 9) { step(); }
                  else { times.sort((a, b) => a - b); done(times[4]); }
                } else { requestAnimationFrame(wait); }
              };
              requestAnimationFrame(wait);
            };
            step();"""})

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.on("/screenshot", method="GET")))

    def close(self) -> None:
        self.on("", method="DELETE")


class CheckError(Exception):
    pass


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def output_delta_line() -> str:
    """The values panel's line for δ² at phase 4 of two-two-two, worked out from the
    scenario's numbers (scenarios/two-two-two.toml): half-MSE, so δ = (O − d)·O(1 − O)."""
    x, d = (0.05, 0.10), (0.01, 0.99)
    v, b1 = ((0.15, 0.20), (0.25, 0.30)), 0.35
    w, b2 = ((0.40, 0.45), (0.50, 0.55)), 0.60
    h = [sigmoid(sum(vi * xi for vi, xi in zip(row, x)) + b1) for row in v]
    o = [sigmoid(sum(wi * hi for wi, hi in zip(row, h)) + b2) for row in w]
    delta = [(ok - dk) * ok * (1 - ok) for ok, dk in zip(o, d)]
    shown = " ".join(f"{'+' if x >= 0 else '−'}{abs(x):.4f}" for x in delta)
    return f"δ² = ({shown})"


def check(page: str, driver: str, screenshot: Path | None) -> None:
    delta = output_delta_line()
    english = Browser(driver, "en-US")
    try:
        english.open(page + "?scenario=two-two-two&phase=4&lang=en")
        _, first = english.wait_for(["output delta", delta], "phase 4 in English")
        print(f"ok: phase 4 shows the output delta {delta} (first frame by {first:.0f} ms)")
        if first > FIRST_FRAME_LIMIT_MS:
            raise CheckError(f"the first frame came {first:.0f} ms after the page started "
                             f"loading (at most {FIRST_FRAME_LIMIT_MS:.0f} ms)")
        if screenshot:
            english.screenshot(screenshot)
            print(f"ok: screenshot written to {screenshot}")
        english.click_text("−0.0381")
        english.wait_for(["δ²₂ = (O₂ − d₂)"], "a click on the second output neuron")
        print("ok: a click on the second output neuron shows its delta")
        rows = english.script("return document.querySelectorAll('#screen pre').length")
        english.on("/window/rect", {"width": 1000, "height": 700})
        count = "return document.querySelectorAll('#screen pre').length"
        resized = rows
        for _ in range(100):
            resized = english.script(count)
            if resized != rows:
                break
            time.sleep(0.05)
        if resized == rows:
            raise CheckError(f"after a resize the screen still has {rows} rows")
        english.wait_for(["output delta", delta], "phase 4 after a resize")
        print(f"ok: a resize redraws the screen in {resized} rows (was {rows})")
        english.press(" ")
        english.wait_for(["hidden delta"], "Space after phase 4")
        print("ok: Space steps to the hidden delta")
        stepped = english.step_time()
        print(f"ok: a step is drawn {stepped:.0f} ms after its key (median of 9)")
        if stepped > STEP_LIMIT_MS:
            raise CheckError(f"a step took {stepped:.0f} ms to be drawn "
                             f"(at most {STEP_LIMIT_MS:.0f} ms)")
        for _ in range(9):
            english.press("\ue012")
        english.click("next")
        english.wait_for(["gradients"], "the next button after the hidden delta")
        print("ok: the next button steps to the gradients")
        english.press("q")
        english.wait_for(["The page stays open", "gradients"], "q in the page")
        print("ok: q says the page stays open")
        english.press("S")
        english.wait_for(["two-two-two.session.toml"], "S (the session, downloaded)")
        print("ok: S offers the session as a download")
        english.open(page + "?scenario=digits&lang=en")
        english.wait_for(["Handwritten digits"], "digits")
        for key in ["o", "w", "\ue007"]:
            english.press(key)
            time.sleep(0.2)
        english.wait_for(["digits-edited.toml", "digits.csv"], "saving digits from the settings")
        print("ok: the settings panel's save downloads digits-edited.toml and digits.csv")
        english.open(page + "?scenario=mse-vs-ce&lang=en")
        english.wait_for(["MSE against cross-entropy"], "mse-vs-ce")
        english.press("c")
        english.wait_for(["compare loss (2 copies)", "binary cross-entropy ·"], "compare mode")
        english.press("c")
        english.press("p")
        english.wait_for(["practice 0/0"], "practice mode")
        print("ok: compare mode (c) and practice mode (p) open")
        english.open(page + "?lesson=backprop&lang=en")
        english.wait_for(["Back-propagation, step by step"], "the lesson link")
        print("ok: ?lesson=backprop opens the lesson")
        english.open(page + "?scenario=no-such-thing&lang=en")
        english.wait_for(["no-such-thing", "Two-two-two by hand"], "an unknown scenario")
        print("ok: an unknown scenario is said, and two-two-two opens")
    finally:
        english.close()
    korean = Browser(driver, "ko-KR")
    try:
        korean.open(page + "?scenario=two-two-two&phase=4&lang=ko")
        korean.wait_for(["출력층 델타", "에폭", delta], "phase 4 in Korean")
        print("ok: lang=ko shows Korean with the same numbers")
        korean.open(page + "?scenario=two-two-two&phase=x&lang=ko")
        korean.wait_for(["정수가 아니어서", "에폭"], "a Korean link with a bad phase")
        print("ok: what a Korean link gets wrong is said in Korean")
        korean.open(page + "?scenario=two-two-two")
        korean.wait_for(["에폭"], "a Korean browser without lang")
        print("ok: a browser set to Korean gets Korean without lang")
    finally:
        korean.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of phase 4 here")
    args = parser.parse_args(argv)
    if not (DIST / "index.html").is_file():
        print(f"check: {DIST} has no index.html; build it with web/build.sh", file=sys.stderr)
        return 2
    chromedriver = shutil.which("chromedriver")
    if not chromedriver:
        print("check: chromedriver not found; install chromium and chromium-driver",
              file=sys.stderr)
        return 2
    page = serve(DIST)
    port = free_port()
    driver = subprocess.Popen([chromedriver, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        check(page, base, args.screenshot)
    except CheckError as e:
        print(f"check: FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        driver.terminate()
        driver.wait()
    print("check: the web page passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
