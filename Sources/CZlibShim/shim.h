#include <zlib.h>
#include <libdeflate.h>
