//! The walletcare demo: a support story end to end.

fn main() {
    let balance = walletcare::money::Money::new(5_000_000, walletcare::money::Currency::Idr);
    #[allow(clippy::print_stdout)]
    {
        println!(
            "balance: {} minor units of {}",
            balance.minor(),
            balance.currency()
        );
    }
}
