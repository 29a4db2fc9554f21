"""Small value types shared by the booth and the officials' tool, declared once."""

from __future__ import annotations

from typing import Literal

# A test booth's sealed file never counts with an official one: the import checks the mode.
Mode = Literal["official", "test"]
