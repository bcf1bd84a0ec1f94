# Second Look — hosted image. Secrets (auth, database URL) are mounted at run time, never baked in:
#   docker run -p 8501:8501 -v $PWD/secrets.toml:/app/.streamlit/secrets.toml:ro \
#              -e SECONDLOOK_DATABASE_URL=postgresql+psycopg://... secondlook
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 secondlook
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=secondlook:secondlook . .
# hardened hosted settings replace the local ones
RUN cp deploy/hosted-config.toml .streamlit/config.toml && rm -f .streamlit/secrets.toml
USER secondlook
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl --fail --silent http://127.0.0.1:8501/_stcore/health || exit 1
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
