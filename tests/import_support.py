"""Fixture files for the import tests: Word files built from the fixture texts, and a password-protected one."""

from __future__ import annotations

import re
import struct
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HEADING = re.compile(r"^(ARTICLE|ANNEX|Article|Art\.) ")


def docx_from_text(source: Path, target: Path, *, styles: bool = True) -> Path:
    """A Word file with the text's paragraphs; headings get Word's heading styles when ``styles``."""
    import docx

    document = docx.Document()
    blocks = source.read_text(encoding="utf-8").strip().split("\n\n")
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        if i == 0:
            document.add_paragraph(block, style="Title" if styles else None)
        elif HEADING.match(lines[0]):
            document.add_paragraph(lines[0], style="Heading 2" if styles else None)
            for line in lines[1:]:
                document.add_paragraph(line, style="Heading 3" if styles else None)
        else:
            document.add_paragraph(block)
    document.save(str(target))
    return target


def encrypted_office_file(target: Path) -> Path:
    """A compound file (OLE) holding the EncryptionInfo and EncryptedPackage streams of a protected .docx.

    Word saves a password-protected document so; the streams' content is filler here,
    the container and its directory are laid out as the format describes.
    """
    sector = 512
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    streams = [("EncryptionInfo", b"\x04\x00\x04\x00" + b"\x00" * 4092), ("EncryptedPackage", b"\x5a" * 4096)]
    fat = [fat_sector, end]  # sector 0: the FAT; sector 1: the directory
    starts = []
    for _, data in streams:
        count = len(data) // sector
        first = len(fat)
        starts.append(first)
        fat += [first + k + 1 for k in range(count - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
                + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, end, 0, child=1)
                 + entry(streams[0][0], 2, starts[0], len(streams[0][1]), right=2)
                 + entry(streams[1][0], 2, starts[1], len(streams[1][1]))
                 + b"\x00" * 128)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    body = struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(data for _, data in streams)
    target.write_bytes(header.ljust(sector, b"\x00") + body)
    return target
