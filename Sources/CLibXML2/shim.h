// libxml2's headers include the system ICU headers when LIBXML_ICU_ENABLED is set, and those clash
// with Foundation's own ICU on a clean build. shufa uses no ICU-specific libxml2 API, so turn it off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>

// xmlFree is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void shufa_xml_free(void *pointer) { xmlFree(pointer); }
