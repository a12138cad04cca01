//! Memory a long export used is given back to the system (`platform::give_back_memory`):
//! a meeting that exported a PDF of thousands of commitments does not keep its gigabytes
//! for the rest of the call. Its own test program, so that no other test's memory moves
//! the figures.

/// The process's resident memory, in bytes, as Linux counts it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn resident() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    let kib: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn memory_freed_between_blocks_still_in_use_goes_back_to_the_system() {
    const BLOCK: usize = 16 * 1024;
    const BLOCKS: usize = 16 * 1024;
    // 256 MB in blocks small enough for the allocator's heaps (not mapped apart), written
    // to so that they are resident; one in sixteen kept, as typst's memo keeps a few
    // things among the layouts it let go: the heap cannot shrink from its end.
    let mut blocks: Vec<Vec<u8>> = (0..BLOCKS).map(|i| vec![i as u8 | 1; BLOCK]).collect();
    let mut kept = Vec::new();
    for (i, block) in blocks.drain(..).enumerate() {
        if i % 16 == 0 {
            kept.push(block);
        }
    }
    let freed = BLOCK * BLOCKS / 16 * 15;
    let before = resident();
    copil::platform::give_back_memory();
    let after = resident();
    assert!(
        before - after.min(before) >= freed / 2,
        "{} MB resident before, {} MB after: at least half of the {} MB freed goes back",
        before >> 20,
        after >> 20,
        freed >> 20
    );
    // What is still in use is still there.
    assert!(
        kept.iter()
            .enumerate()
            .all(|(i, b)| b[BLOCK - 1] == (i * 16) as u8 | 1)
    );
}
