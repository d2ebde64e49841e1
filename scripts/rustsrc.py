"""Reads the non-test code of a Rust source file for scripts/count-literals and
scripts/long-functions (python3, standard library only).

Non-test code is everything before the file's first `#[cfg(test)]` line.
`lex` walks it once and yields string literals and braces with their line
numbers, skipping comments and character literals, so that a quote or a brace
inside a comment or a string is never taken for code.
"""
import os
import re

STAGE_CRATES = ["text", "entities", "time", "quantity", "attribution", "extract", "ledger"]


def root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rust_files(folder):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".rs"):
                yield os.path.join(dirpath, name)


def non_test_code(path):
    """The file's text up to its first `#[cfg(test)]` line."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith("#[cfg(test)]"):
            return "\n".join(lines[:i])
    return "\n".join(lines)


RAW_START = re.compile(r'b?r(#*)"')
FN_NAME = re.compile(r"\s+(r#)?([A-Za-z_][A-Za-z0-9_]*)")
CHAR_LIT = re.compile(r"b?'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'\n])'")


def lex(code):
    """Yields ("str", line, content), ("fn", line, name) for a function's
    `fn NAME`, and (c, line) for each of `{ } ; ( ) [ ]`."""
    i, line, n = 0, 1, len(code)
    while i < n:
        c = code[i]
        if c == "\n":
            line += 1
            i += 1
        elif code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if code.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif code.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += code[i] == "\n"
                    i += 1
        elif c in "br" and RAW_START.match(code, i) and not _ident_before(code, i):
            m = RAW_START.match(code, i)
            end = code.find('"' + m.group(1), m.end())
            end = n if end < 0 else end
            content = code[m.end():end]
            yield ("str", line, content)
            line += content.count("\n")
            i = end + 1 + len(m.group(1))
        elif c == '"':
            j, buf = i + 1, []
            while j < n and code[j] != '"':
                if code[j] == "\\" and j + 1 < n:
                    buf.append(code[j:j + 2])
                    j += 2
                else:
                    buf.append(code[j])
                    j += 1
            content = "".join(buf)
            yield ("str", line, content)
            line += content.count("\n")
            i = j + 1
        elif c in "'b":
            m = CHAR_LIT.match(code, i)
            if m and not (c == "b" and _ident_before(code, i)):
                i = m.end()
            else:
                i += 1  # a lifetime, or a `b` inside a name
        elif c in "{};()[]":
            yield (c, line)
            i += 1
        elif c.isalnum() or c == "_":
            j = i
            while j < n and (code[j].isalnum() or code[j] == "_"):
                j += 1
            m = FN_NAME.match(code, j) if code[i:j] == "fn" else None
            if m:
                yield ("fn", line, m.group(2))
                j = m.end()
            i = j
        else:
            i += 1


def _ident_before(code, i):
    return i > 0 and (code[i - 1].isalnum() or code[i - 1] == "_")
