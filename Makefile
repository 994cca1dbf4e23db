# crmlearn: the two commands are `make lab` and `make test`; each sets up .venv first if needed.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.crmlearn-installed

.PHONY: lab test test-min test-unit test-notebooks test-exercises notebooks data slides screenshots bench clean help

help:
	@echo "make lab        start JupyterLab on the course (opens notebooks/00_welcome.ipynb)"
	@echo "make test       run the whole test suite (unit, doctests, notebooks, exercises, data)"
	@echo "make test-min   run the unit tests with the lowest dependency versions allowed"
	@echo "make notebooks  re-execute every notebook in place, deterministically"
	@echo "make data       regenerate datasets/ from the fixed seed"
	@echo "make slides     export every chapter as an offline 1280x720 slide deck into slides/"
	@echo "make screenshots  measure and photograph every slide (slides/screenshots/)"
	@echo "make bench      run the scale benchmarks (prints times and memory)"

# Set up the virtual environment once; again only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/crmlearn lab

# Progress of the exercises goes to a fresh folder so the tests never touch a learner's own.
test: $(STAMP)
	@export CRMLEARN_HOME=$$(mktemp -d); \
	status=0; \
	$(PY) -m pytest || status=1; \
	$(PY) -m pytest --nbval --nbval-current-env --nbval-cell-timeout=300 --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks || status=1; \
	$(PY) -m pytest --nbval-lax --nbval-current-env --nbval-cell-timeout=300 exercises || status=1; \
	rm -rf "$$CRMLEARN_HOME"; exit $$status

# Unit tests with the lowest pandas/numpy/scipy/scikit-learn/matplotlib/pyarrow pyproject.toml allows.
test-min:
	$(PYTHON) tools/test_min_versions.py

test-unit: $(STAMP)
	CRMLEARN_HOME=$$(mktemp -d) MPLBACKEND=Agg $(PY) -m pytest

notebooks: $(STAMP)
	$(PY) tools/run_notebooks.py notebooks/*.ipynb exercises/*.ipynb

data: $(STAMP)
	$(PY) -m crmlearn.datasets.generate datasets

slides: $(STAMP)
	$(PY) tools/export_slides.py

# photographs and measures every slide of slides/*.slides.html (needs Debian's chromium)
screenshots: slides
	$(PY) tools/deck_screenshots.py

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) .venv-min build *.egg-info .pytest_cache
