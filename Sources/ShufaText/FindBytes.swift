/// glibc's `memmem(3)` (a GNU extension the Glibc module does not export): the first occurrence of a byte string.
@_silgen_name("memmem")
package func findBytes(_ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?,
                       _ needleLength: Int) -> UnsafeMutableRawPointer?
