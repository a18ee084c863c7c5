"""The periodic review (定期复盘): facts kept in the index for each case, figures queried over them,
and the report (PDF with pictures, tables as .xlsx)."""
