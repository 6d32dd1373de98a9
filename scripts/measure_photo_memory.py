"""Peak memory (max RSS) of re-encoding one story photo, each case in a fresh process.

Usage: .venv/bin/python scripts/measure_photo_memory.py
Prints, per case, the file size, the outcome and how much the peak RSS grew during reencode_photo().
"""

import io
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "png-16mp": ("PNG", (4000, 4000)),
    "png-40mp (refused)": ("PNG", (8000, 5000)),
    "jpeg-16mp": ("JPEG", (4000, 4000)),
    "jpeg-80mp (draft 1/4)": ("JPEG", (10000, 8000)),
}


def child(name, path):
    sys.path.insert(0, str(ROOT))
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pilots.submission_images import reencode_photo

    data = Path(path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcome = "accepted"
    try:
        reencode_photo(SimpleUploadedFile("f", data))
    except ValidationError as error:
        outcome = f"refused ({error.code})"
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{name:24} {len(data) / 1024:9.0f} KB  {outcome:28} peak RSS +{(after - before) / 1024:6.0f} MB")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--case":
        child(sys.argv[2], sys.argv[3])
        return
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        for name, (kind, size) in CASES.items():
            path = Path(folder) / "photo"
            buffer = io.BytesIO()
            # Noise-free but not flat: a gradient, so the encoders do real work.
            Image.linear_gradient("L").resize(size).convert("RGB").save(buffer, kind)
            path.write_bytes(buffer.getvalue())
            subprocess.run([sys.executable, __file__, "--case", name, str(path)], check=True)


if __name__ == "__main__":
    main()
