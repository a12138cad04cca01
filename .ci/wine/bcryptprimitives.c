/* ProcessPrng, which Rust's standard library asks bcryptprimitives.dll for on Windows 10
 * and later, and which Wine 8 does not have yet: the same random bytes from
 * RtlGenRandom (SystemFunction036). Built by .ci/wine and put beside the program for the
 * tests under wine only; never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG part = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, part)) {
            return FALSE;
        }
        data += part;
        length -= part;
    }
    return TRUE;
}
