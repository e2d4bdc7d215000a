fn main() -> std::process::ExitCode {
    cpor::cli::main()
}
