"""Organisation data in and out: YAML (`stttt org import/export`) and staff lists from XLSX.

An import is all or nothing. First the whole file is checked (shape, values, references: `schema`), then
it is written through the services inside one transaction, each row in its own savepoint (`writers`);
every problem of either stage is collected as (row, column, reason) in the user's language, and if there
is any, nothing is kept. Importing the same file twice changes nothing the second time; a different post
for a person ends the old assignment and starts a new one, a different unit name is recorded as a rename.

- `problems`: `Problem`, `ImportFailed`, `ImportReport`;
- `values`: dates, categories and positions as people write them;
- `schema`: `check(data) -> (plan, problems)`;
- `writers`: `import_data(data)`;
- `text`: YAML read with limits (`load_yaml`, `import_yaml`);
- `xlsx`: staff sheets (`import_staff_xlsx`);
- `export`: `export_data`, `export_yaml`.
"""

from stttt.org.importing.export import export_data, export_yaml
from stttt.org.importing.problems import ImportFailed, ImportReport, Problem
from stttt.org.importing.schema import SECTIONS, check
from stttt.org.importing.text import MAX_BYTES, load_yaml
from stttt.org.importing.text import import_yaml as import_yaml
from stttt.org.importing.values import parse_category, parse_date, parse_position
from stttt.org.importing.writers import UNKNOWN_START, import_data
from stttt.org.importing.xlsx import HEADERS, import_staff_xlsx, read_staff_xlsx

__all__ = [
    "HEADERS",
    "MAX_BYTES",
    "SECTIONS",
    "UNKNOWN_START",
    "ImportFailed",
    "ImportReport",
    "Problem",
    "check",
    "export_data",
    "export_yaml",
    "import_data",
    "import_staff_xlsx",
    "import_yaml",
    "load_yaml",
    "parse_category",
    "parse_date",
    "parse_position",
    "read_staff_xlsx",
]
