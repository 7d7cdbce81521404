// libxlsxwriter: real XLSX workbooks (locked cells, sheet protection, data validation, merged ranges).
#include <xlsxwriter.h>
