# smroi in a container: docker build -t smroi . && docker run -p 8501:8501 smroi
# Shared reports live in /data (mount a volume), or in PostgreSQL with SMROI_DATABASE_URL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SMROI_DATA_DIR=/data

RUN useradd --create-home --uid 10001 smroi \
    && mkdir -p /data && chown smroi:smroi /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY smroi ./smroi
RUN pip install .
COPY --chown=smroi:smroi app.py serve.py ./
COPY --chown=smroi:smroi pages ./pages
COPY --chown=smroi:smroi ui ./ui
COPY --chown=smroi:smroi sample_data ./sample_data
COPY --chown=smroi:smroi .streamlit ./.streamlit

USER smroi
VOLUME ["/data"]
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4).status != 200)"

# serve.py: the app with its security headers (ui/security_headers.py) set by the server
CMD ["streamlit", "run", "serve.py", "--server.port=8501", "--server.address=0.0.0.0"]
