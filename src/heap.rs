//! Handing freed heap memory back to the system. glibc keeps what a burst of
//! temporary allocations freed (a load, a thousand closed HTTP sessions) resident for
//! the process's life unless asked.

/// Hands the heap's free pages back to the system, from every arena. glibc only;
/// elsewhere a no-op.
pub(crate) fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it takes the allocator's locks.
    unsafe {
        libc::malloc_trim(0);
    }
}
