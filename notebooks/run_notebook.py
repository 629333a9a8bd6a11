"""Execute a notebook headless with nbclient and save the executed copy.

    python notebooks/run_notebook.py notebooks/cascade-28-NQ-TW.ipynb -o out/executed.ipynb [--timeout 180]

The kernel is the `python3` kernel of the interpreter running this script (ipykernel must be installed in it):
its bin folder is put first on PATH so that a kernelspec whose argv is plain "python" resolves to the same
environment. The notebook reads its settings from the environment (DIRECTIVE_GRAPH_URL, NOTEBOOK_OUTPUT_DIR).
Exit code 0 when every cell ran; 1 (after saving the partial notebook and printing the error) otherwise.
"""
import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebook", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True, help="where to write the executed notebook")
    ap.add_argument("--timeout", type=int, default=180, help="seconds per cell (default 180)")
    ap.add_argument("--cwd", type=Path, default=None, help="working directory of the kernel (default: the output's folder)")
    args = ap.parse_args()

    bin_dir = str(Path(sys.executable).parent)
    os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    nb = nbformat.read(args.notebook, as_version=4)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    cwd = (args.cwd or args.output.parent).resolve()
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        allow_errors=False,
    )
    t0 = time.time()
    status = 0
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as e:
        print("notebook failed: " + re.sub(r"\x1b\[[0-9;]*m", "", str(e)), file=sys.stderr)
        status = 1
    finally:
        nbformat.write(nb, args.output)
    ran = sum(1 for c in nb.cells if c.cell_type == "code" and c.get("execution_count"))
    total = sum(1 for c in nb.cells if c.cell_type == "code")
    print(f"executed {ran}/{total} code cells in {time.time() - t0:.1f} s (kernel python3 of {sys.executable}) → {args.output}")
    return status


if __name__ == "__main__":
    sys.exit(main())
