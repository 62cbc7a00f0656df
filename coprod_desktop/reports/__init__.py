"""PDF documents built with ReportLab from domain records. Never imports Qt."""
