#ifndef KATALOG_CLIBXML2_SHIM_H
#define KATALOG_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU support; its headers then pull in the system
   ICU, whose UErrorCode clashes with the ICU bundled in Foundation. Katalog never
   uses libxml2's ICU paths, so switch them off before any other libxml2 header. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h> /* tests: JUnit output checked against its XSD */
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlsave.h>
#include <libxml/encoding.h>

/* Swift 6 rejects the global function pointer `xmlFree`; call it through this. */
static inline void katalog_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/* A generic error handler that drops messages (Swift cannot define C variadic functions).
   Installed only around one synchronous parse, next to the structured handler. */
static void katalog_dropGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline xmlGenericErrorFunc katalog_silentGenericError(void) {
    return katalog_dropGenericError;
}

#endif
