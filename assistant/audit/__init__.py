"""The audit form and the audit samples it is pooled into, one job per module.

- :mod:`assistant.audit.form`: what an audit form holds (the model and its JSON Schema).
- :mod:`assistant.audit.redaction`: a case's audit form, every name replaced.
- :mod:`assistant.audit.csvcodec`: many forms as one pooled CSV, and back.
- :mod:`assistant.audit.readers`: forms read from JSON, CSV and .xlsx files.
- :mod:`assistant.audit.repository`: samples, forms, needs and groups in SQLite; every
  SQL statement on the audit tables.
"""
