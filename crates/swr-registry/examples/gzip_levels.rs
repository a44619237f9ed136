//! Measures the parallel gzip at each level on a file: output size and wall time. Used to
//! choose the default level (see `PushOptions::default`).
//!
//! `cargo run --release -p swr-registry --example gzip_levels -- FILE [LEVELS…]`

use std::time::Instant;

use swr_registry::push::compress::gzip_parallel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: gzip_levels FILE [LEVEL…]")?;
    let levels: Vec<u32> = args.map(|a| a.parse()).collect::<Result<_, _>>()?;
    let levels = if levels.is_empty() {
        (1..=9).collect()
    } else {
        levels
    };
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    for level in levels {
        let mut file = std::io::BufReader::new(std::fs::File::open(&path)?);
        let start = Instant::now();
        let c = gzip_parallel(&mut file, level, workers, &mut |_| Ok(()))?;
        let secs = start.elapsed().as_secs_f64();
        println!(
            "level {level}: {:>12} → {:>12} bytes ({:.3}), {:.2} s, {:.0} MiB/s",
            c.input_size,
            c.output_size,
            c.output_size as f64 / c.input_size.max(1) as f64,
            secs,
            c.input_size as f64 / secs / 1048576.0
        );
    }
    Ok(())
}
