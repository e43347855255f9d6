"""sphere.sources: every input becomes Documents, every bad input an InputError with one exact reason.

Fixtures in tests/data/sources are one Voice of America story (public domain) in each format: the
original Markdown post, its plain text, an HTML page written around that text, an RSS feed and a JSONL
corpus (with a second VOA story). Reuters-21578 is read from ../shared only.
"""

from __future__ import annotations

import io
import json
import shutil
import socket
import sys
import threading
import time
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sphere.config import Settings
from sphere.errors import InputError
from sphere.models import Document
from sphere.sources import BatchReport, read_bytes, read_inputs, sniff
from sphere.sources.checks import Rejected, check_text, decode, format_size
from sphere.sources.language import guess_language

try:  # `tests` is importable when the project root is on sys.path, else conftest is top-level
    from tests.conftest import shared_path
except ImportError:
    from conftest import shared_path

DATA = Path(__file__).parent / "data" / "sources"
SETTINGS = Settings(max_text_bytes=2_000_000, url_timeout=5.0, url_max_bytes=5_000_000)

DAM_TITLE = "Uganda Launches China-Built Isimba Dam"
DAM_URL = "https://www.voanews.com/a/uganda-launches-china-built-isimba-dam/4842856.html"
DAM_FIRST = (
    "Uganda on Thursday launched the China-built Isimba Hydropower Dam in the country's east. The $568 "
    "million dam is expected to improve access to power in Uganda, where less than 30 percent of people "
    "are on the grid, and cut power costs."
)
DAM_LAST = "Uganda's future generations will see if the electricity is worth the cost."
DAM_PARAGRAPHS = 15
BRIBERY_URL = "https://www.voanews.com/a/china-kenya-bribery/4673798.html"
BRIBERY_TITLE = "Chinese Officials Arrested for Bribery Amid Kenya’s SGR Corruption Inquiry"

SPANISH = (
    "El gobierno de China anunció el lunes un nuevo préstamo para la construcción del ferrocarril en Kenia. "
    "Según el ministerio, los fondos se destinarán a las obras del puerto y a la compra de equipos, y el "
    "acuerdo fue firmado por los dos países durante la visita del presidente."
)
FOREIGN = {
    "Spanish": SPANISH,
    "French": "Le gouvernement chinois a annoncé lundi un nouveau prêt pour la construction du chemin de fer "
    "au Kenya. Selon le ministère, les fonds seront consacrés aux travaux du port et à l'achat "
    "d'équipements, et l'accord a été signé par les deux pays pendant la visite du président.",
    "German": "Die chinesische Regierung hat am Montag einen neuen Kredit für den Bau der Eisenbahn in Kenia "
    "angekündigt. Nach Angaben des Ministeriums sollen die Mittel für die Arbeiten am Hafen und für den "
    "Kauf von Ausrüstung verwendet werden, und das Abkommen wurde bei dem Besuch des Präsidenten unterzeichnet.",
    "Portuguese": "O governo da China anunciou na segunda-feira um novo empréstimo para a construção da "
    "ferrovia no Quênia. Segundo o ministério, os recursos serão destinados às obras do porto e à compra "
    "de equipamentos, e o acordo foi assinado pelos dois países durante a visita do presidente.",
    "Chinese": "中国政府星期一宣布向肯尼亚提供一笔新的贷款，用于修建铁路。据该部介绍，这笔资金将用于港口工程和购买设备，"
    "协议是在总统访问期间由两国签署的。",
    "Russian": "Правительство Китая в понедельник объявило о новом кредите на строительство железной дороги "
    "в Кении. По данным министерства, средства будут направлены на работы в порту и закупку оборудования.",
}


def read(*inputs: str | Path, settings: Settings = SETTINGS, **options) -> list[Document | InputError]:
    return list(read_inputs([str(item) for item in inputs], settings=settings, **options))


def reasons(items: list[Document | InputError]) -> list[tuple[str, str]]:
    return [(error.item, error.reason) for error in items if isinstance(error, InputError)]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_dam_text(text: str) -> None:
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == DAM_FIRST
    assert paragraphs[-1] == DAM_LAST
    assert len(paragraphs) == DAM_PARAGRAPHS
    assert "Women bathe" not in text  # photo captions are not article text
    assert "<" not in text and "{:" not in text


# --- each format from a real fixture ---------------------------------------------------------------


def test_markdown_with_front_matter():
    [doc] = read(DATA / "voa-isimba-dam.md")
    assert doc.id == "voa-isimba-dam"
    assert doc.title == DAM_TITLE
    assert doc.published == date(2019, 3, 22)
    assert doc.source == "VOA"
    assert doc.url == DAM_URL
    assert doc.origin == str(DATA / "voa-isimba-dam.md")
    assert_dam_text(doc.text)


def test_plain_text_keeps_its_text():
    [doc] = read(DATA / "voa-isimba-dam.txt")
    assert (doc.id, doc.title, doc.published, doc.source, doc.url) == (
        "voa-isimba-dam",
        None,
        None,
        None,
        None,
    )
    assert doc.text == (DATA / "voa-isimba-dam.txt").read_text().strip()
    assert_dam_text(doc.text)


def test_html_page_main_text_title_and_date():
    [doc] = read(DATA / "voa-isimba-dam.html")
    [txt] = read(DATA / "voa-isimba-dam.txt")
    assert doc.id == "voa-isimba-dam"
    assert doc.title == DAM_TITLE
    assert doc.published == date(2019, 3, 22)
    assert doc.url == DAM_URL
    assert doc.source == "Voice of America"
    assert doc.text == txt.text  # no navigation, byline, footer or repeated headline


def test_rss_feed_entries():
    docs = read(DATA / "voa-africa.rss")
    [txt] = read(DATA / "voa-isimba-dam.txt")
    assert [(d.id, d.title, d.published, d.url, d.source, d.origin) for d in docs] == [
        (DAM_URL, DAM_TITLE, date(2019, 3, 22), DAM_URL, "Voice of America - Africa", f"{DATA / 'voa-africa.rss'} entry 1"),
        (BRIBERY_URL, BRIBERY_TITLE, date(2018, 11, 26), BRIBERY_URL, "Voice of America - Africa", f"{DATA / 'voa-africa.rss'} entry 2"),
    ]  # fmt: skip
    assert docs[0].text == txt.text
    assert docs[1].text.startswith("Kenyan authorities have arrested seven officials with the China Road")


def test_atom_feed_by_sniffing(tmp_path):
    atom = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>sphere notes</title><id>urn:sphere:notes</id><updated>2024-05-02T08:00:00Z</updated>"
        "<entry><title>Talks resume</title><id>urn:sphere:note:1</id><updated>2024-05-02T08:00:00Z</updated>"
        '<content type="html">&lt;p&gt;Trade talks between the two sides resumed on Thursday.&lt;/p&gt;'
        "&lt;p&gt;No date was set for a &lt;b&gt;second&lt;/b&gt; round.&lt;/p&gt;</content></entry></feed>"
    )
    [doc] = read(write(tmp_path / "notes", atom))
    assert doc.id == "urn:sphere:note:1"
    assert doc.title == "Talks resume"
    assert doc.published == date(2024, 5, 2)
    assert doc.source == "sphere notes"
    assert (
        doc.text
        == "Trade talks between the two sides resumed on Thursday.\n\nNo date was set for a second round."
    )


def test_jsonl_corpus():
    docs = read(DATA / "voa-stories.jsonl")
    [txt] = read(DATA / "voa-isimba-dam.txt")
    path = DATA / "voa-stories.jsonl"
    assert [(d.id, d.title, d.published, d.url, d.source, d.origin) for d in docs] == [
        ("voa-4842856", DAM_TITLE, date(2019, 3, 22), DAM_URL, "VOA", f"{path}:1"),
        ("voa-4673798", BRIBERY_TITLE, date(2018, 11, 26), BRIBERY_URL, "VOA", f"{path}:2"),
    ]
    assert docs[0].text == txt.text


def test_jsonl_bad_lines_are_reported_and_the_file_goes_on(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "China and Kenya signed a loan deal."}),
        '{"id": "b", "text": ',
        "",
        json.dumps({"id": "c", "title": "no text here"}),
        json.dumps({"id": "d", "text": "The loan was signed.", "published": "26/02/1987"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Talks resumed on Thursday.", "published": "2024-05-02T08:00:00Z", "extra": 1}),
        json.dumps({"id": 7, "text": "   "}),
        json.dumps({"id": "e", "text": "The loan was signed.", "published": "the day after"}),
        '{"id": "f", "text": "China lent ' + "9" * 4400 + '", "n": ' + "9" * 4400 + "}",
        json.dumps({"id": "g", "text": "China lent more.", "title": "\ud800"}),
        json.dumps({"id": "h", "text": "The loan was signed again.", "published": "Thu, 20 Feb 2025 10:00:00 +0000"}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    assert [(d.id, d.published) for d in items if isinstance(d, Document)] == [
        ("a", None),
        ("d", date(1987, 2, 26)),  # day 26 cannot be a month: read as a person reads it
        ("mixed-7", date(2024, 5, 2)),
        ("h", date(2025, 2, 20)),
    ]
    assert reasons(items) == [
        (f"{path}:2", "malformed JSON (Expecting value at column 21)"),
        (f"{path}:4", 'no "text" field'),
        (f"{path}:6", "malformed JSON (a line must be an object, not an array)"),
        (f"{path}:8", "empty text"),
        (f"{path}:9", 'unparseable date "the day after" in "published"'),
        (f"{path}:10", "malformed JSON (Exceeds the limit (4300 digits) for integer string conversion: value has 4400 digits)"),
        (f"{path}:11", "title is not valid UTF-8 text (lone surrogate at offset 0)"),
    ]


# --- Reuters-21578 -----------------------------------------------------------------------------------


@pytest.mark.shared
def test_reuters_sgml_stories():
    path = shared_path("corpora", "reuters21578", "reut2-000.sgm")
    items = read(path)
    assert reasons(items) == []
    assert len(items) == 925  # of 1,000 stories, 925 have a BODY
    by_id = {doc.id: doc for doc in items}
    doc = by_id["reuters-239"]
    assert doc.title == "CHINA TO BORROW 390 MLN DLRS"
    assert doc.published == date(1987, 3, 1)
    assert doc.source == "Reuters"
    assert doc.origin == f"{path}:8028"
    assert doc.text.split("\n\n")[0] == (
        "China will receive loans totalling 390 mln dlrs from Japan and the World Bank for investment in "
        "new highways and port facilities."
    )
    assert doc.text.endswith("It gave no details of the repayment terms of the loans.")  # no "Reuter" line
    assert len(doc.text.split("\n\n")) == 4  # the `&\t` indents are paragraph breaks
    assert by_id["reuters-2"].title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"  # entities unescaped
    assert "British Petroleum Co Plc <BP>, which" in by_id["reuters-2"].text


@pytest.mark.shared
def test_reuters_tables_of_figures_count_as_english():
    items = read(shared_path("corpora", "reuters21578", "reut2-014.sgm"))
    assert reasons(items) == []
    table = next(doc for doc in items if doc.id == "reuters-14432")  # "17un unch" rows: "un" is no word
    assert table.title == "MINNEAPOLIS WHEAT PROTEIN SCALES"


# --- URLs, from a local server -----------------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/stream":  # a body with no Content-Length, larger than the cap
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"China and Kenya signed a loan deal. " * 300)
            return
        super().do_GET()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(DATA)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_page(server):
    url = f"{server}/voa-isimba-dam.html"
    [doc] = read(url)
    [txt] = read(DATA / "voa-isimba-dam.txt")
    assert (doc.id, doc.url, doc.origin, doc.title) == (url, url, url, DAM_TITLE)
    assert doc.text == txt.text


def test_url_feed(server):
    docs = read(f"{server}/voa-africa.rss")
    assert [d.id for d in docs] == [DAM_URL, BRIBERY_URL]
    assert docs[0].origin == f"{server}/voa-africa.rss entry 1"


def test_url_errors(server):
    small = Settings(max_text_bytes=2_000_000, url_timeout=0.3, url_max_bytes=1_000)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    items = read(
        f"{server}/missing.html", f"{server}/slow", f"{server}/voa-isimba-dam.html", f"{server}/stream", closed,
        settings=small,
    )  # fmt: skip
    assert reasons(items) == [
        (f"{server}/missing.html", "HTTP error 404 File not found"),
        (f"{server}/slow", "timed out after 0.3 s"),
        (f"{server}/voa-isimba-dam.html", "response is 3.6 kB, over the 1 kB limit"),
        (f"{server}/stream", "response is over the 1 kB limit"),
        (closed, "unreachable host (connection refused)"),
    ]


def test_urls_that_are_not_fetched():
    items = read("ftp://example.org/a.txt", "http://", "http://[::1")
    assert reasons(items) == [
        ("ftp://example.org/a.txt", "unsupported URL scheme 'ftp' (only http and https)"),
        ("http://", "not a valid URL"),
        ("http://[::1", "not a valid URL (Invalid port: ':1')"),
    ]


# --- bad input, one exact reason each ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Trade talks resumed \x81\x8d on Thursday.", "not valid UTF-8 text (byte 0x81 at offset 20)"),
        (b"\xef\xbb\xbfTrade talks \xff\xfe\xfd resumed.", "not valid UTF-8 text (byte 0xff at offset 15)"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary zip data", "binary file, not text"),
        (bytes(range(1, 32)) * 20 + b"some text", "binary file, not text"),
        (b"", "empty text"),
        (b" \n\t\n ", "empty text"),
        (SPANISH.encode(), "not English (looks like Spanish)"),
        (
            b"<html><body><div><script>var x = 1;</script></div></body></html>",
            "no article text found in HTML",
        ),
    ],
    ids=[
        "bad-utf8",
        "bad-utf8-after-bom",
        "zip",
        "control-chars",
        "empty-file",
        "blank",
        "spanish",
        "no-html-text",
    ],
)
def test_bad_file_reasons(tmp_path, data, reason):
    path = write(tmp_path / "item", data)
    assert reasons(read(path)) == [(str(path), reason)]


@pytest.mark.parametrize(("language", "text"), FOREIGN.items(), ids=FOREIGN.keys())
def test_not_english(language, text):
    with pytest.raises(Rejected) as caught:
        check_text(text, max_bytes=SETTINGS.max_text_bytes)
    assert caught.value.reason == f"not English (looks like {language})"


@pytest.mark.parametrize(
    "text",
    [
        "Xi meets Putin",
        "China and Kenya signed a loan deal.",
        "Shr 1.20 dlrs vs 1.10 dlrs\nNet 5,000,000 vs 4,000,000\nRevs 12.3 mln vs 11.1 mln",
        "Banco de la Nacion Argentina said it will lend 50 mln dlrs to the state oil company, the "
        "Ministerio de Economia de la Republica said.",
        "17un unch 12un unch 3p up 5 11p unch 38p unch 90p unch 130p unch",
        "La Paz",
    ],
)
def test_short_english_and_tables_pass(text):
    assert guess_language(text) is None
    check_text(text, max_bytes=SETTINGS.max_text_bytes)


def test_too_large(tmp_path):
    text = "China and Kenya signed a loan deal. " * 86_112  # 3.1 MB
    path = write(tmp_path / "big.txt", text)
    assert reasons(read(path)) == [(str(path), "text is 3.1 MB, over the 2 MB limit")]
    line = write(tmp_path / "big.jsonl", json.dumps({"id": "big", "text": text}) + "\n")
    assert reasons(read(line)) == [(f"{line}:1", "text is 3.1 MB, over the 2 MB limit")]


def test_size_messages():
    assert [format_size(n) for n in (950, 1_000, 12_345, 2_000_000, 3_100_000)] == [
        "950 bytes", "1 kB", "12.3 kB", "2 MB", "3.1 MB",
    ]  # fmt: skip
    with pytest.raises(Rejected) as caught:
        check_text("a" * 2_000_001, max_bytes=2_000_000)
    assert caught.value.reason == "text is 2,000,001 bytes, over the 2,000,000 bytes limit"


def test_cp1252_text_is_read_when_it_looks_like_cp1252():
    assert decode("Talks in S\u00e3o Paulo \u201cended\u201d \u2013 caf\u00e9".encode("cp1252")) == (
        "Talks in S\u00e3o Paulo \u201cended\u201d \u2013 caf\u00e9"
    )
    assert decode("\ufeffTrade".encode()) == "Trade"
    assert decode("Trade talks".encode("utf-16")) == "Trade talks"


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    items = read(tmp_path / "nope.txt", tmp_path / "empty")
    assert reasons(items) == [
        (str(tmp_path / "nope.txt"), "no such file or directory"),
        (str(tmp_path / "empty"), "no files in directory"),
    ]


def test_directory_with_one_bad_file(tmp_path):
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(DATA / "voa-isimba-dam.md", folder / "b.md")
    shutil.copy(DATA / "voa-isimba-dam.txt", folder / "a.txt")
    shutil.copy(DATA / "voa-stories.jsonl", folder / "sub" / "c.jsonl")
    write(folder / "z.txt", SPANISH)
    write(folder / ".DS_Store", b"\x00\x00\x00\x01Bud1")  # hidden: left out
    items = read(folder)
    assert [(d.id, d.origin) for d in items if isinstance(d, Document)] == [
        ("a", str(folder / "a.txt")),
        ("b", str(folder / "b.md")),
        ("voa-4842856", f"{folder / 'sub' / 'c.jsonl'}:1"),
        ("voa-4673798", f"{folder / 'sub' / 'c.jsonl'}:2"),
    ]
    assert reasons(items) == [(str(folder / "z.txt"), "not English (looks like Spanish)")]


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((DATA / "voa-stories.jsonl").read_bytes())))
    assert [d.id for d in read("-")] == ["voa-4842856", "voa-4673798"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"China and Kenya signed a loan deal.\n")))
    [doc] = read("-")
    assert (doc.id, doc.origin, doc.text) == ("stdin", "<stdin>", "China and Kenya signed a loan deal.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert reasons(read("-")) == [("<stdin>", "empty text")]


def test_published_fills_only_missing_dates():
    docs = read(DATA / "voa-isimba-dam.txt", DATA / "voa-isimba-dam.md", published=date(2020, 1, 1))
    assert [d.published for d in docs] == [date(2020, 1, 1), date(2019, 3, 22)]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b"\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!DOCTYPE html><html lang='en'>", "html"),
        (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS', "reuters"),
        (b'{"text": "x"}\n', "jsonl"),
        (b"---\ntitle: x\n---\nbody", "markdown"),
        (b"China and Kenya", "text"),
    ],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


# --- the batch summary --------------------------------------------------------------------------------


def test_batch_report_summary_line():
    report = BatchReport()
    for item in [
        *[Document(id=str(n), text="x") for n in range(12)],
        InputError("a.txt", "not English (looks like Spanish)"),
        InputError("b.txt", "not English (looks like French)"),
        InputError("c.jsonl:3", "malformed JSON (Expecting value at column 21)"),
        InputError("d.txt", "text is 3.1 MB, over the 2 MB limit"),
    ]:
        report.add(item)
    assert report.reasons() == {"not English": 2, "malformed JSON": 1, "too large": 1}
    assert (
        report.summary_line()
        == "processed 12 articles, skipped 4 (2 not English, 1 malformed JSON, 1 too large)"
    )
    assert BatchReport(processed=1).summary_line() == "processed 1 article, skipped 0"


# --- property: what the checks accept round-trips through JSONL ---------------------------------------


@given(text=st.text(min_size=1, max_size=400), ascii_only=st.booleans())
def test_checked_text_round_trips_through_jsonl(text, ascii_only):
    try:
        check_text(text, max_bytes=SETTINGS.max_text_bytes)
    except Rejected:
        assume(False)
    line = json.dumps({"id": "p", "text": text}, ensure_ascii=ascii_only).encode("utf-8") + b"\n"
    [doc] = list(read_bytes(line, stem="p", origin="p.jsonl", settings=SETTINGS, kind="jsonl"))
    assert isinstance(doc, Document)
    assert doc.text == text


# --- isolation: one bad item costs only itself ------------------------------------------------------------


def test_a_bad_file_line_or_feed_entry_in_a_directory_costs_only_itself(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder / "a.txt", "China lent Kenya money for a railway, officials said.")
    huge = "9" * 4400  # json.loads raises ValueError, not JSONDecodeError: it used to end the whole directory
    write(folder / "b.jsonl", '{"id": "b1", "text": "China and Kenya signed a loan."}\n'
                              f'{{"id": "b2", "text": "x", "n": {huge}}}\n'
                              '{"id": "b3", "text": "Talks on the loan resumed."}\n')
    (folder / "c.txt").symlink_to(tmp_path / "nowhere")
    write(folder / "d.txt", "The railway opened in 2017 after years of work.")
    write(folder / "e.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
          "<item><title>Loan</title><link>http://x/1</link><description>China lent Kenya money.</description></item>"
          "<item><title>Bad &#xD800; title</title><link>http://x/2</link>"
          "<description>China and Kenya signed a loan deal.</description></item>"
          "<item><title>Talks</title><link>http://x/3</link><description>Talks resumed on Monday.</description></item>"
          "</channel></rss>")
    write(folder / "f.json", json.dumps([{"id": "f1", "text": "China opened a port.", "published": "20 February 2025"},
                                         {"id": "f2", "text": 7}, {"id": "f3", "text": "The port is busy.",
                                                                   "published": "2025/02/21"}]))
    items = read(folder)
    assert [(d.id, d.published) for d in items if isinstance(d, Document)] == [
        ("a", None), ("b1", None), ("b3", None), ("d", None), ("http://x/1", None), ("http://x/3", None),
        ("f1", date(2025, 2, 20)), ("f3", date(2025, 2, 21)),
    ]
    assert reasons(items) == [
        (f"{folder / 'b.jsonl'}:2",
         "malformed JSON (Exceeds the limit (4300 digits) for integer string conversion: value has 4400 digits)"),
        (str(folder / "c.txt"), "no such file or directory"),
        (f"{folder / 'e.xml'} entry 2", "title is not valid UTF-8 text (a character reference to a lone surrogate)"),
        (f"{folder / 'f.json'}[1]", '"text" is a number, not a string'),
    ]


def test_a_list_of_urls_is_each_url(server, tmp_path):
    page, missing = f"{server}/voa-isimba-dam.html", f"{server}/missing.html"
    listed = write(tmp_path / "pages.txt", f"{page}\n\n{missing}\n")
    named = write(tmp_path / "more.urls", f"# pages\n{server}/voa-africa.rss\nnot a url\n")
    items = read(listed, named)
    assert [d.id for d in items if isinstance(d, Document)] == [page, DAM_URL, BRIBERY_URL]
    assert reasons(items) == [
        (missing, "HTTP error 404 File not found"),
        (f"{named}:3", "not a valid URL (a list of URLs holds one http(s) URL per line)"),
    ]
