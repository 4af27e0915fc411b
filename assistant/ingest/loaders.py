"""Reading report files into stored text: .txt/.md, .html/.htm, .docx and .pdf.

The stored text is what every span points into, so the loaders change as little as possible:
line ends become ``\\n``, NUL and BOM characters go, the text is put in Unicode NFC, and nothing
else is touched (U+3000 padding, NBSP, tabs and full-width digits stay exactly as written,
because the table parsers read them). Extracted formats (HTML, Word, PDF) render each table
row as one line, its cells joined by ``" | "``; a merged cell appears once, in the first row
and column it covers, and an empty cell stays an empty string (a blank statistics cell is
unknown, not zero).

Every failure is an :class:`~assistant.errors.IngestError` whose message names the file and
says what is wrong with it in plain words; no parser traceback reaches the user.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.config import DEFAULT_MAX_FILE_BYTES
from assistant.errors import (
    BinaryFile,
    EmptyFile,
    FileTooLarge,
    IngestError,
    UndecodableFile,
    UnsupportedFileType,
)
from assistant.records import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
CELL_SEPARATOR = " | "

# suffix -> Document.file_type
_FILE_TYPES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


# ---------------------------------------------------------------------------------------------
# Public API


def iter_report_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to ingest, in a deterministic order.

    Folders are walked recursively (sorted; hidden files and folders and Office lock files
    ``~$*`` skipped) and only files with a supported suffix are kept. A file named explicitly is
    always returned, whatever its suffix, so that :func:`load_document` can say why it is
    refused. A path that does not exist raises :class:`IngestError`.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk_folder(path))
        elif path.exists():
            found.append(path)
        else:
            raise IngestError(str(path), "no such file or folder")
    return list(dict.fromkeys(found))  # a file named twice is ingested once


def load_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Document:
    """Read one report file into a :class:`Document` holding its normalised stored text."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{path.suffix}'" if path.suffix else "without a suffix"
        raise UnsupportedFileType(
            where, f"unsupported file type {shown}; supported types are {', '.join(SUPPORTED_SUFFIXES)}"
        )
    data = _read_bytes(path, max_bytes)
    text, warnings = _EXTRACTORS[suffix](data, where)
    text = normalize_text(text)
    if not text.strip():
        raise EmptyFile(where, "contains no text, only whitespace")
    return Document(
        name=path.name,
        path=where,
        text=text,
        file_type=_FILE_TYPES[suffix],
        warnings=tuple(warnings),
    )


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_WIDTH_DECIMAL_POINT = re.compile(r"(?<=\d)．(?=\d)")


def normalize_text(text: str) -> str:
    """The only changes made to a file's text: line ends, NUL/BOM characters, Unicode NFC, and
    full-width digits read as ASCII (２０２２年 收到４５件, １２．５万元): every parser, question
    and number then sees one form of each figure."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "").replace("\ufeff", "")
    text = _FULL_WIDTH_DECIMAL_POINT.sub(".", text.translate(_FULL_WIDTH_DIGITS))
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# Files and bytes


def _walk_folder(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith((".", "~$")):
                continue
            if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                files.append(Path(folder) / name)
    return sorted(files, key=lambda p: p.relative_to(root).parts)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    where = str(path)
    if not path.exists():
        raise IngestError(where, "no such file")
    if not path.is_file():
        raise IngestError(where, "is not a regular file (a folder?)")
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLarge(where, f"is {_human_size(size)}, larger than the limit of {_human_size(max_bytes)}")
    if size == 0:
        raise EmptyFile(where, "is empty (0 bytes)")
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(where, f"cannot be read: {error.strerror or error}") from None


def _human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB ({size:,} bytes)"
    return f"{size / (1024 * 1024):.1f} MiB ({size:,} bytes)"


# Signatures of binary formats that turn up renamed as text (checked on .txt/.md/.html).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx/.xlsx file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Control bytes never found in text (tab, line ends, form feed and ESC excepted).
_CONTROL_BYTES = bytes(sorted((set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}) | {0x7F}))
_CONTROL_DELETER = bytes.maketrans(b"", b"")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _check_not_binary(data: bytes, where: str) -> bytes:
    """Refuse bytes that are not text; return them without trailing NUL padding.

    Text in UTF-8 or GB18030 never holds NUL or other control bytes (their multi-byte
    sequences stay above 0x2F), so a NUL inside the data or more than 1% control bytes
    means a binary file, not an exotic encoding.
    """
    kind = _binary_kind(data)
    if kind:
        raise BinaryFile(where, f"is {kind}, not a text file")
    if any(data.startswith(bom) for bom, _, _ in _BOMS):
        return data  # UTF-16/32 text is full of NUL bytes
    data = data.rstrip(b"\x00")
    if not data:
        raise BinaryFile(where, "holds only NUL bytes, not text")
    if b"\x00" in data:
        raise BinaryFile(where, "contains NUL bytes: it looks like a binary file, not text")
    controls = len(data) - len(data.translate(_CONTROL_DELETER, _CONTROL_BYTES))
    if controls > len(data) / 100:
        raise BinaryFile(where, "is mostly control bytes: it looks like a binary file, not text")
    return data


def _decode(data: bytes, where: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode text: a BOM wins, then the declared charset, UTF-8, GB18030, then a guess.

    Returns the text and a warning when the encoding was not UTF-8.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise UndecodableFile(where, f"starts with a {label} byte-order mark but is not valid {label}") from None
            return text, ([] if label == "UTF-8" else [f"decoded as {label}"])
    candidates = ["utf-8", "gb18030"]
    if declared and declared not in candidates:
        candidates.insert(0, declared)
    implausible: tuple[str, str] | None = None
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        label = codecs.lookup(codec).name.upper().replace("_", "-")
        if codec == "gb18030" and not _looks_like_chinese(text):
            implausible = (text, label)  # Big5 and Shift_JIS often decode as GB18030 mojibake
            continue
        return text, ([] if label == "UTF-8" else [f"decoded as {label}"])
    guess = _guess_encoding(data)
    if guess:
        return guess
    if implausible:
        text, label = implausible
        return text, [f"decoded as {label}"]
    raise UndecodableFile(where, "is neither UTF-8 nor GB18030/GBK text and its encoding could not be detected")


def _looks_like_chinese(text: str) -> bool:
    """Most non-ASCII characters of a Chinese report are ideographs or CJK punctuation."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    cjk = sum(1 for ch in wide if _is_cjk(ch))
    return cjk >= 0.8 * len(wide)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x303F  # CJK punctuation, U+3000
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or code in (0x00A0, 0x00B7, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026)
    )


def _guess_encoding(data: bytes) -> tuple[str, list[str]] | None:
    """Last resort: charset-normalizer, kept only when its result reads as clean text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1:
        return None
    return str(best), [f"decoded as {best.encoding.upper().replace('_', '-')} (guessed)"]


# ---------------------------------------------------------------------------------------------
# Plain text


def _extract_plain(data: bytes, where: str) -> tuple[str, list[str]]:
    return _decode(_check_not_binary(data, where), where)


# ---------------------------------------------------------------------------------------------
# HTML

_DROPPED_TAGS = ("script", "style", "noscript", "head", "template", "iframe", "object", "svg")
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li tr section article table ul ol dl dt dd header footer nav main "
    "aside blockquote pre hr form fieldset figure figcaption address caption center td th tbody "
    "thead tfoot title body html".split()
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Declared Chinese charsets are read as their superset: pages labelled gb2312 use GBK characters.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030"}


def _extract_html(data: bytes, where: str) -> tuple[str, list[str]]:
    from bs4 import BeautifulSoup

    data = _check_not_binary(data, where)
    text, warnings = _decode(data, where, _declared_charset(data))
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_DROPPED_TAGS):
        tag.decompose()
    lines = _HtmlLines()
    lines.walk(soup.body or soup)
    return "\n".join(_tidy_lines(lines.finish())), warnings


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


class _HtmlLines:
    """Collects the visible text of an HTML tree as lines: blocks break lines, tables render
    one row per line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def walk(self, node) -> None:
        from bs4.element import NavigableString, PreformattedString, Tag

        for child in node.children:
            if isinstance(child, PreformattedString):  # comments, doctype, CDATA
                continue
            if isinstance(child, NavigableString):
                self.current.append(_HTML_SPACE.sub(" ", str(child)))
            elif isinstance(child, Tag):
                if child.name == "table" and not _is_layout_table(child):
                    self.end_line()
                    self.lines.extend(_table_lines(child))
                elif child.name == "br":
                    self.end_line(force=True)
                elif child.name in _BLOCK_TAGS:
                    self.end_line()
                    self.walk(child)
                    self.end_line()
                else:
                    self.walk(child)

    def end_line(self, force: bool = False) -> None:
        """Close the line being built; ``force`` keeps an empty line (a ``<br>`` on its own)."""
        line = _one_line("".join(self.current))
        self.current = []
        if line or force:
            self.lines.append(line)

    def finish(self) -> list[str]:
        self.end_line()
        return self.lines


def _table_rows(table) -> list:
    """The rows of this table, not of tables nested inside its cells."""
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _row_cells(tr) -> list:
    return tr.find_all(["td", "th"], recursive=False)


def _is_layout_table(table) -> bool:
    """Many government sites wrap a whole page in tables; those are read as ordinary blocks.

    A table holding another table, or with at most one cell per row, is layout, not data.
    """
    if table.find("table") is not None:
        return True
    return all(len(_row_cells(tr)) <= 1 for tr in _table_rows(table))


def _table_lines(table) -> list[str]:
    lines = []
    caption = table.find("caption")
    if caption is not None:
        lines.append(_cell_text(caption))
    for tr in _table_rows(table):
        cells = [_cell_text(cell) for cell in _row_cells(tr)]
        if any(cells):  # a row of empty cells is a spacer
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def _cell_text(cell) -> str:
    """A cell's text on one line: its own lines joined by single spaces."""
    inner = _HtmlLines()
    inner.walk(cell)
    return " ".join(line for line in inner.finish() if line)


def _tidy_lines(lines: Iterable[str]) -> list[str]:
    """Drop leading and trailing empty lines and keep at most one empty line in a row."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


# ---------------------------------------------------------------------------------------------
# Word (.docx)


def _extract_docx(data: bytes, where: str) -> tuple[str, list[str]]:
    if not data.startswith(b"PK\x03\x04"):
        kind = _binary_kind(data)
        hint = f"; it is {kind}" if kind else ""
        if kind and "old Office" in kind:
            hint = "; it is an old Word .doc file: save it as .docx"
        raise IngestError(where, f"is not a Word .docx file (not a ZIP package){hint}")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_blocks(document.element.body, document))
    except Exception as error:  # python-docx/zipfile/lxml raise many types on damaged files
        raise IngestError(where, f"is not a readable Word .docx file ({_short(error)})") from None
    return "\n".join(_tidy_lines(lines)), []


def _docx_blocks(container, parent) -> Iterable[str]:
    """Paragraphs and table rows in document order (content controls opened up)."""
    from docx.oxml.ns import qn
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if isinstance(child, CT_P):
            yield Paragraph(child, parent).text
        elif isinstance(child, CT_Tbl):
            yield from _docx_table_lines(Table(child, parent))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_blocks(content, parent)


def _docx_table_lines(table) -> Iterable[str]:
    """One line per row. A cell merged across columns is one ``w:tc`` and appears once; the
    rows a vertical merge continues into skip it, as HTML does with rowspan."""
    for tr in table._tbl.tr_lst:
        cells = [_docx_cell_text(tc, table) for tc in tr.tc_lst if tc.vMerge != "continue"]
        if any(cells):
            yield CELL_SEPARATOR.join(cells)


def _docx_cell_text(tc, table) -> str:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    texts = (_one_line(Paragraph(p, table).text) for p in tc.iter(qn("w:p")))
    return " ".join(text for text in texts if text)


# ---------------------------------------------------------------------------------------------
# PDF


def _extract_pdf(data: bytes, where: str) -> tuple[str, list[str]]:
    if b"%PDF-" not in data[:1024]:
        kind = _binary_kind(data)
        raise IngestError(where, f"is not a PDF file (no %PDF header){'; it is ' + kind if kind else ''}")
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_pdf_page_lines(page) for page in pdf.pages]
    except Exception as error:  # pdfminer raises many types on damaged or encrypted files
        raise IngestError(where, f"is not a readable PDF file ({_short(error)})") from None
    lines = [line for page in pages for line in page]
    if not any(line.strip() for line in lines):
        raise EmptyFile(where, "has no text layer (a scanned PDF?); OCR is not supported")
    warnings = []
    if "(cid:" in "".join(lines):
        warnings.append("some PDF characters have no Unicode mapping and appear as (cid:N)")
    return "\n".join(_tidy_lines(lines)), warnings


def _pdf_page_lines(page) -> list[str]:
    """A page's lines top to bottom; each detected table is rendered one row per line in
    place of the text inside its area. Falls back to the plain text layer when table
    detection fails or finds nothing usable."""
    try:
        tables = [(table.bbox, table.extract()) for table in page.find_tables()]
        tables = [(bbox, rows) for bbox, rows in tables if any(any(cell for cell in row) for row in rows)]
    except Exception:  # a table finder failure must not lose the page's text
        tables = []
    if not tables:
        return [text for _, text in _unwrapped(page.extract_text_lines(return_chars=False))]
    outside = page.filter(_outside(bbox for bbox, _ in tables))
    items: list[tuple[float, int, list[str]]] = [
        (top, 0, [text]) for top, text in _unwrapped(outside.extract_text_lines(return_chars=False))
    ]
    items += [(bbox[1], 1, _pdf_table_lines(rows)) for bbox, rows in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, lines in items for line in lines]


# A prose line the page width broke: it runs to the right margin and breaks between Chinese
# characters (…2023年计划开展政务公 / 开培训3次。), not after a sentence or before a heading.
_WRAPPED_END_RE = re.compile(r"[\u4e00-\u9fff，、“”《》（）]$")
# (a wrapped line may start with the figure its clause names: 回复各类信访事项 / 1358起，…)
_WRAPPED_START_RE = re.compile(r"^(?:[\u4e00-\u9fff，、。；“”》）]|[0-9]+(?:\.[0-9]+)?\s*(?:余|多)?[\u4e00-\u9fff%，。；])")
_PROSE_END_RE = re.compile(r"[\u4e00-\u9fff，、。；：“”《》（）]$")
_BLOCK_START_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


def _unwrapped(lines: list[dict]) -> list[tuple[float, str]]:
    """(top, text) of a page's text lines, with the lines the page width wrapped joined back,
    so that a sentence (and the figure it attaches to a plan or a topic) stays whole."""
    prose = [line for line in lines if len(line["text"]) >= 10 and " " not in line["text"] and _PROSE_END_RE.search(line["text"])]
    if not prose:
        return [(line["top"], line["text"]) for line in lines]
    right = max(line["x1"] for line in prose)  # the text column's margins, not a wider table's
    left = min(line["x0"] for line in prose)
    out: list[tuple[float, str, bool]] = []
    for line in lines:
        text = line["text"]
        width = (line["x1"] - line["x0"]) / max(len(text), 1)
        reaches_margin = line["x1"] >= right - 3 * width and " " not in text  # ragged right allowed; no table row
        continues = line["x0"] <= left + width / 2  # an indented line starts a paragraph
        if out and out[-1][2] and continues and _WRAPPED_START_RE.match(text) and not _BLOCK_START_RE.match(text):
            top, before, _ = out.pop()
            out.append((top, before + text, reaches_margin and bool(_WRAPPED_END_RE.search(text))))
        else:
            out.append((line["top"], text, reaches_margin and bool(_WRAPPED_END_RE.search(text))))
    return [(top, text) for top, text, _ in out]


def _outside(bboxes: Iterable[tuple[float, float, float, float]]) -> Callable[[dict], bool]:
    """A filter keeping the page objects whose centre lies outside every table."""
    boxes = list(bboxes)

    def keep(obj: dict) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    return keep


# A narrow printed cell wraps 社会公益组织 as 社会公益\n组织: between Chinese characters the break
# is the page's, not the author's, and joins without a space.
_CJK_CHAR = r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uffef]"
_WRAPPED_CJK = re.compile(rf"(?<={_CJK_CHAR})[ \t]*\n[ \t]*(?={_CJK_CHAR})")


def _pdf_table_lines(rows: list[list[str | None]]) -> list[str]:
    """pdfplumber gives None for the grid positions a merged cell covers: those are skipped,
    so a merged cell appears once; an empty cell ("") is kept. Wrapped Chinese cell text is
    joined back."""
    lines = []
    for row in rows:
        cells = [_one_line(_WRAPPED_CJK.sub("", cell)) for cell in row if cell is not None]
        if any(cells):
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def _one_line(text: str) -> str:
    """Flatten a cell: runs of ASCII whitespace (line breaks included) become one space.
    U+3000 and NBSP padding stay, as everywhere in the stored text."""
    return _HTML_SPACE.sub(" ", text).strip(" ")


def _short(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {message[:120]}" if message else name


_EXTRACTORS: dict[str, Callable[[bytes, str], tuple[str, list[str]]]] = {
    ".txt": _extract_plain,
    ".md": _extract_plain,
    ".html": _extract_html,
    ".htm": _extract_html,
    ".docx": _extract_docx,
    ".pdf": _extract_pdf,
}
