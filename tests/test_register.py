"""`naskah-lint register`: one row of cooperation data per agreement, CSV (BOM, `;`, ISO dates)
or JSON, from the fixtures and from the real agreements in the shared corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from naskah_lint.commands.register_cmd import register
from naskah_lint.writer.docspec import build, load_spec

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "agreements"
BOM = "\ufeff"


def _command() -> click.Command:
    """The installed CLI when it carries the command, else the command itself."""
    from naskah_lint.cli import main

    return main if "register" in main.commands else click.Group(commands=[register])


def run(*args: str) -> Result:
    return CliRunner().invoke(_command(), ["register", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("register")
    out = {}
    for name in ("clean-pks", "clean-nk"):
        out[name] = build(load_spec(name), folder / f"{name}.docx")
    unsigned = {"base": "clean-pks", "replace": [["045/UC-FH/PKS/VII/2024", "…………"]]}
    out["unsigned"] = build(load_spec(unsigned), folder / "unsigned.docx")
    return out


def csv_rows(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


def by_name(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {Path(r["path"]).name: r for r in rows}


def test_csv_rows_for_the_fixtures(drafts: dict[str, Path]) -> None:
    res = run(str(drafts["clean-pks"]), str(drafts["clean-nk"]), "--today", "2025-06-01")
    assert res.exit_code == 0, res.output
    assert res.output.startswith(BOM)
    assert b"\r\n" in res.stdout_bytes  # spreadsheet line ends
    rows = by_name(csv_rows(res.output))
    pks = rows["clean-pks.docx"]
    assert pks["document_type"] == "PKS"
    assert pks["perihal"] == "PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN"
    assert pks["parties"] == (
        "Sekretariat Komisi Pemilihan Umum Kabupaten Karanganyar | "
        "Fakultas Hukum Universitas Contoh"
    )
    assert pks["nomor"] == "12/PR.07-PKS/3313/2024 | 045/UC-FH/PKS/VII/2024"
    assert (pks["signing_date"], pks["signing_place"]) == ("2024-07-08", "Karanganyar")
    assert (pks["duration"], pks["start_date"], pks["end_date"]) == (
        "P1Y",
        "2024-07-08",
        "2025-07-07",
    )
    assert (pks["days_until_expiry"], pks["status"]) == ("36", "expiring")
    assert len(pks["sha256"]) == 64 and pks["error"] == ""
    nk = rows["clean-nk.docx"]
    assert nk["document_type"] == "NK"
    assert nk["parties"] == "Komisi Pemilihan Umum Provinsi Contoh | Pemerintah Provinsi Contoh"
    assert nk["nomor"] == "7/PR.07-NK/33/2024 | 119/012/KSDD/2024"
    assert (nk["signing_date"], nk["duration"], nk["end_date"]) == (
        "2024-03-12",
        "P2Y",
        "2026-03-11",
    )
    assert (nk["days_until_expiry"], nk["status"]) == ("283", "active")


@pytest.mark.parametrize(
    ("today", "extra", "days", "status"),
    [
        ("2024-07-08", [], "364", "active"),
        ("2025-04-08", [], "90", "expiring"),
        ("2025-04-07", [], "91", "active"),
        ("2025-06-01", ["--expiring-days", "30"], "36", "active"),
        ("2025-06-01", [], "36", "expiring"),
        ("2025-07-07", [], "0", "expiring"),
        ("2025-07-08", [], "-1", "expired"),
    ],
)
def test_status_relative_to_today(
    drafts: dict[str, Path], today: str, extra: list[str], days: str, status: str
) -> None:
    res = run(str(drafts["clean-pks"]), "--today", today, *extra)
    (row,) = csv_rows(res.output)
    assert (row["days_until_expiry"], row["status"]) == (days, status)


def test_a_blank_nomor_makes_a_draft(drafts: dict[str, Path]) -> None:
    (row,) = csv_rows(run(str(drafts["unsigned"]), "--today", "2025-06-01").output)
    assert row["status"] == "draft"
    assert row["nomor"] == "12/PR.07-PKS/3313/2024 | "
    assert row["end_date"] == "2025-07-07"  # the term is still read


def test_json_and_unreadable_inputs(drafts: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan dokumen word")
    missing = tmp_path / "tidak-ada.docx"
    res = run(
        str(drafts["clean-nk"]), str(broken), str(missing), "--format", "json",
        "--today", "2025-06-01", "--lang", "en",
    )  # fmt: skip
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert data["schema_version"] == 1 and data["today"] == "2025-06-01"
    rows = data["agreements"]
    assert [Path(r["path"]).name for r in rows] == ["clean-nk.docx", "rusak.docx", "tidak-ada.docx"]
    assert rows[0]["parties"] == [
        "Komisi Pemilihan Umum Provinsi Contoh",
        "Pemerintah Provinsi Contoh",
    ]
    assert rows[0]["start_date"] == "2024-03-12" and rows[0]["error"] is None
    assert rows[1]["status"] == rows[2]["status"] == "unreadable"
    assert rows[1]["error"].startswith("NOT_DOCX: ")
    assert rows[2]["error"] == "NOT_FOUND: file not found: check the path"
    assert rows[1]["sha256"] is None and rows[1]["parties"] == []
    assert f"{missing}: NOT_FOUND" in res.stderr


def test_output_file_is_written_with_a_bom(drafts: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "sub" / "register.csv"
    res = run(str(drafts["clean-pks"]), "--today", "2025-06-01", "--output", str(target))
    assert res.exit_code == 0 and res.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    (row,) = csv_rows(raw.decode("utf-8"))
    assert row["signing_date"] == "2024-07-08"
    assert [p.name for p in target.parent.iterdir()] == ["register.csv"]  # no temp file left


def test_output_never_overwrites_an_input(drafts: dict[str, Path]) -> None:
    before = drafts["clean-pks"].read_bytes()
    res = run(str(drafts["clean-pks"]), "--output", str(drafts["clean-pks"]))
    assert res.exit_code == 2
    assert drafts["clean-pks"].read_bytes() == before


@pytest.mark.parametrize(("flag", "sep"), [(",", ","), ("tab", "\t"), ("|", "|")])
def test_delimiter(drafts: dict[str, Path], flag: str, sep: str) -> None:
    res = run(str(drafts["clean-nk"]), "--delimiter", flag, "--today", "2025-06-01")
    assert res.output.splitlines()[0] == BOM + sep.join(
        [
            *("path", "document_type", "title", "perihal", "parties", "nomor"),
            *("signing_date", "signing_place", "duration", "start_date", "end_date"),
            *("days_until_expiry", "status", "sha256", "error"),
        ]
    )
    (row,) = csv_rows(res.output, sep)
    assert row["end_date"] == "2026-03-11"


def test_bad_delimiter_is_a_usage_error(drafts: dict[str, Path]) -> None:
    res = run(str(drafts["clean-nk"]), "--delimiter", ";;")
    assert res.exit_code == 2
    assert "';;'" in res.stderr and res.stdout == ""


def test_folder_is_walked_like_check(drafts: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    (folder / "b").mkdir(parents=True)
    (folder / "a.docx").write_bytes(drafts["clean-nk"].read_bytes())
    (folder / "b" / "c.docx").write_bytes(drafts["clean-pks"].read_bytes())
    (folder / "~$a.docx").write_bytes(b"lock")
    (folder / "catatan.txt").write_text("bukan draf")
    res = run(str(folder), "--today", "2025-06-01")
    assert res.exit_code == 0
    rows = csv_rows(res.output)
    assert [(Path(r["path"]).name, r["document_type"]) for r in rows] == [
        ("a.docx", "NK"),
        ("c.docx", "PKS"),
    ]


# --------------------------------------------------------------------------- real agreements
# Values verified by reading the documents (python-docx text dumps): the opening sentence, the
# komparisi and the title of each.

CORPUS_ROWS: dict[str, dict[str, Any]] = {
    "sikasi-Addendum_PKSPT_SHOPEE_Tahun_2024.docx": {
        # "Pada hari ini, Rabu tanggal 29 bulan Mei tahun 2024" (29-05-2024 is a Wednesday);
        # named "Addendum" but the content is a draft NOTA KESEPAHAMAN UNS x PT Shopee
        "document_type": "NK",
        "signing_date": "2024-05-29",
        "signing_place": None,  # no "bertempat di"
        "parties": ["Universitas Sebelas Maret", "PT SHOPEE"],
        "nomor": [None, None],  # "......../UN27/KS/2024" and a dotted blank
        "duration": None,  # "berlaku untuk jangka waktu ........... (............) tahun"
        "status": "draft",
    },
    "sikasi-MOU_PT._ARINDO_JAYA_MANDIRI_Tahun_2022.docx": {
        "document_type": "NK",
        "signing_date": "2022-07-19",  # "Selasa tanggal 19 bulan Juli tahun 2022"
        "parties": ["Universitas Sebelas Maret", "PT. ARINDO JAYA MANDIRI"],
        "status": "draft",
    },
    "sikasi-PKS_Jagakarsa_Tahun_2022.docx": {
        # PIHAK KESATU's komparisi has no "atas nama": the body named in its jabatan ("Dekan
        # Sekolah Vokasi Universitas Sebelas Maret"); PIHAK KEDUA acts for "Jagakarsa"
        "document_type": "PKS",
        "signing_date": "2022-07-22",  # "Jumat tanggal 22 bulan Juli tahun 2022"
        "parties": ["Sekolah Vokasi Universitas Sebelas Maret", "Jagakarsa"],
        "perihal": None,  # TENTANG "………………" left blank
        "duration": None,
        "status": "draft",
    },
    "mitraku-Template_MOU.docx": {
        # "Bertindak untuk dan atas nama......." / "... atas nama Pemerintah Daerah Kota Gorontalo"
        "document_type": "NK",
        "signing_date": None,  # "Pada hari ini, ……., tanggal ………………."
        "parties": [None, "Pemerintah Daerah Kota Gorontalo"],
        "nomor": [None, None],
        "perihal": None,
        "status": "draft",
    },
    "sikasi-mou.docx": {
        "document_type": "NK",
        "signing_date": None,  # "${hari} tanggal ${tanggal}"
        "parties": ["Universitas Sebelas Maret", None],  # "${mitra}"
        "status": "draft",
    },
}


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_register_of_the_corpus_agreements() -> None:
    res = run(str(CORPUS), "--format", "json", "--today", "2025-01-01")
    assert res.exit_code == 0, res.stderr
    rows = by_name(json.loads(res.stdout)["agreements"])
    assert len(rows) == len(list(CORPUS.glob("*.docx")))
    for name, expected in CORPUS_ROWS.items():
        got = {key: rows[name][key] for key in expected}
        assert got == expected, name
    assert all(r["status"] != "unreadable" for r in rows.values())


def test_bad_profile_is_a_config_error(drafts: dict[str, Path], tmp_path: Path) -> None:
    res = run(str(drafts["clean-nk"]), "--profile", str(tmp_path / "tidak-ada"))
    assert res.exit_code == 2
    assert "--profile" in res.stderr and res.stdout == ""
