"""Visual regression: the sample page rasterised at 50 dpi stays close to the committed reference.

Needs ``pdftoppm`` (Debian/Ubuntu: ``apt-get install poppler-utils``). To refresh the reference after an
intended design change, run ``python tools/bench_pdf.py --write-reference`` and look at the PNG first.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from lib.onepager import render_onepager, sample_onepager_data

from .helpers import NOW, TODAY

REFERENCE = Path(__file__).resolve().parents[2] / "fixtures" / "onepager" / "sample_a4_50dpi.png"
TOLERANCE = 0.5  # mean absolute difference per channel (0-255 scale); dropping the comments section gives ~0.8

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="pdftoppm is not installed (apt-get install poppler-utils)")


def rasterise(pdf: bytes, dpi: int = 50) -> Image.Image:
    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile"], input=pdf, capture_output=True,
                         check=True, timeout=60).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def test_sample_matches_the_reference_image():
    image = rasterise(render_onepager(sample_onepager_data(TODAY), created_at=NOW))
    reference = Image.open(REFERENCE).convert("RGB")
    assert image.size == reference.size
    assert mean_difference(image, reference) < TOLERANCE


def test_the_comparison_notices_a_real_change():
    data = sample_onepager_data(TODAY)
    with_comments = rasterise(render_onepager(data, created_at=NOW))
    without = rasterise(render_onepager(data, include_comments=False, created_at=NOW))
    letter = rasterise(render_onepager(data, paper="letter", created_at=NOW))
    assert mean_difference(with_comments, without) > TOLERANCE
    assert letter.size != with_comments.size
