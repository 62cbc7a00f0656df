"""PDF documents built with ReportLab from domain records. Never imports Qt."""

from coprod_desktop.reports.bidi import install as _install_bidi

_install_bidi()  # before ReportLab's text object is first imported
