# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cpor_global_optspecs
    string join \n db= format= json now= actor= color= tz= q/quiet v/verbose no-input y/yes h/help V/version
end

function __fish_cpor_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cpor_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cpor_using_subcommand
    set -l cmd (__fish_cpor_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cpor -n "__fish_cpor_needs_command" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_needs_command" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_needs_command" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_needs_command" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_needs_command" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_needs_command" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_needs_command" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_needs_command" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_needs_command" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_needs_command" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_needs_command" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_needs_command" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "claim" -d 'File a claim: associate a customer\'s tenant and workload (or subscription) with a PartnerID.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "list" -d 'List claims, newest first (or soonest deadline first with --sort deadline).'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "show" -d 'Show one claim: every field and its history, oldest event first.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "opt-out" -d 'Record that the customer opted out (declined the association).'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "withdraw" -d 'Withdraw claims: the partner disassociates from the customer\'s unit, with a reason.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "finalize" -d 'Make every pending claim whose opt-out deadline has passed official.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "troubleshoot" -d 'Explain a claim, check whether a claim would be accepted, or check the installation.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "partner" -d 'Manage PartnerIDs and the programs they are enrolled in.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "calendar" -d 'Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "catalog" -d 'Print the catalog: each program, its activity and the workload keys it accepts.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "backup" -d 'Write a consistent backup of the database to a new file.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "completions" -d 'Print the shell completion script for SHELL.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "man" -d 'Print a man page (roff): cpor\'s, or one command\'s; or write every page to a directory.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "edit" -d 'Correct an active claim: fix a typo without withdrawing and filing again.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "poe" -d 'Proof-of-execution versions of a claim.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "tenant" -d 'Tenant pins: which domains and subscriptions belong to which tenant.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "due" -d 'What needs attention today: claims whose window closes soon, overdue ones, new official associations and aging PoE.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "report" -d 'Count claims by program, PartnerID or month.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "import" -d 'File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "export" -d 'Export every matching claim, without a limit: JSONL (one claim object per line, with its history and PoE versions) or CSV (the columns of `list --format csv`).'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "dump" -d 'Write the whole database as JSONL, for moving it to another database or backend.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "restore" -d 'Load a dump into an empty database, verifying it as it loads.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "db" -d 'Set up the database and, on PostgreSQL, the team\'s roles.'
complete -c cpor -n "__fish_cpor_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l partner-id -d 'PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l tenant -d 'Customer tenant ID (a GUID)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l domain -d 'One of the tenant\'s domains, e.g. contoso.com' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l program -d 'Program' -r -f -a "osa-sell\t''
osu-m365\t''
osu-bizapps\t''"
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l workload -d 'Workload or product key (repeatable for claim; see `cpor catalog`)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l subscription -d 'Dynamics 365 subscription ID (Business Applications programs)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l channel -d 'Purchase channel (Business Applications programs)' -r -f -a "vl\t''
web-direct\t''
csp\t''"
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l customer-name -d 'Customer contact\'s name' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l customer-title -d 'Customer contact\'s title' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l customer-email -d 'Customer contact\'s e-mail' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l technical-name -d 'Customer technical contact\'s name (Business Applications programs)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l technical-title -d 'Customer technical contact\'s title (Business Applications programs)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l technical-email -d 'Customer technical contact\'s e-mail (Business Applications programs)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l partner-contact -d 'Partner contact\'s name [config: defaults.partner_contact]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l partner-email -d 'Partner contact\'s e-mail [config: defaults.partner_email]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l poe -d 'Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l poe-signed -d 'Date the customer signed the proof of execution (YYYY-MM-DD)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l purchase-date -d 'Date of purchase (YYYY-MM-DD; required for osa-sell)' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l name -d 'A name for the claim [default: "<domain> <workload>"]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l notified-at -d 'When the customer was notified (RFC 3339) [default: now]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l calendar -d 'Business-day calendar for the opt-out window [config: calendar; default: default]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l comment -d 'A comment, recorded with the claim and its `filed` history event' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l dry-run -d 'Check everything and show what would be filed, without writing'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand claim" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand list" -l status -d 'Only claims with this status (repeatable)' -r -f -a "pending\t''
official\t''
opted-out\t''
withdrawn\t''"
complete -c cpor -n "__fish_cpor_using_subcommand list" -l program -d 'Only claims in this program' -r -f -a "osa-sell\t''
osu-m365\t''
osu-bizapps\t''"
complete -c cpor -n "__fish_cpor_using_subcommand list" -l partner-id -d 'Only claims of this PartnerID' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l tenant -d 'Only claims on this tenant' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l domain -d 'Only claims naming this domain' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l workload -d 'Only claims on this workload or product' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l due-before -d 'Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning its midnight UTC)' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l sort -d 'Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID' -r -f -a "filed\t''
deadline\t''"
complete -c cpor -n "__fish_cpor_using_subcommand list" -l limit -d 'Show at most N claims' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand list" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand list" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand list" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand list" -l reverse -d 'Reverse the order'
complete -c cpor -n "__fish_cpor_using_subcommand list" -l all -d 'Show every matching claim'
complete -c cpor -n "__fish_cpor_using_subcommand list" -l wide -d 'Show tenant and subscription GUIDs whole in the table (they are shortened to their first 8 characters to fit the terminal)'
complete -c cpor -n "__fish_cpor_using_subcommand list" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand list" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand list" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand list" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand list" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand list" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand show" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand show" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand show" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand show" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand show" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand show" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand show" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand show" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand show" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand show" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand show" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand show" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l tenant -d 'Opt out every active claim of this tenant' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l workload -d 'With --tenant: only claims on this workload (repeatable)' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l at -d 'When the customer opted out (RFC 3339; not in the future, not before the notification) [default: now]' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l reason -d 'Why, as the customer said it' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand opt-out" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l reason -d 'Why the partner withdraws (mandatory)' -r
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand withdraw" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l dry-run -d 'Show what would become official, without writing'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand finalize" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l partner-id -d 'PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l tenant -d 'Customer tenant ID (a GUID)' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l domain -d 'One of the tenant\'s domains, e.g. contoso.com' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l program -d 'Program' -r -f -a "osa-sell\t''
osu-m365\t''
osu-bizapps\t''"
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l workload -d 'Workload or product key (repeatable for claim; see `cpor catalog`)' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l subscription -d 'Dynamics 365 subscription ID (Business Applications programs)' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l channel -d 'Purchase channel (Business Applications programs)' -r -f -a "vl\t''
web-direct\t''
csp\t''"
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l deep -d 'Also run the checks that read everything: SQLite\'s integrity check, every claim\'s history hash chain, and that each status equals its last history event'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand troubleshoot" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List PartnerIDs and their programs.'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l name -d 'The location\'s name (required for a new PartnerID; renames an existing one)' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l program -d 'Program to enrol in (repeatable)' -r -f -a "osa-sell\t''
osu-m365\t''
osu-bizapps\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l program -d 'Program to unenrol from (repeatable); without it the PartnerID is removed' -r -f -a "osa-sell\t''
osu-m365\t''
osu-bizapps\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from help" -f -a "add" -d 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from help" -f -a "list" -d 'List PartnerIDs and their programs.'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.'
complete -c cpor -n "__fish_cpor_using_subcommand partner; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -f -a "set" -d 'Create a calendar or change its zone, weekend or cut-off.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -f -a "show" -d 'Show one calendar with its holidays, or list all calendars.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -f -a "holiday" -d 'Add or remove holidays.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -f -a "import" -d 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and not __fish_seen_subcommand_from set show holiday import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l tz -d 'IANA time zone, e.g. Europe/London' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l weekend -d 'Weekend days, a comma list of mon..sun (at least one day must remain a business day)' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l cutoff -d 'Notifications at or after this local time count from the next day (HH:MM, or none)' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -f -a "add" -d 'Add a holiday (a date that is not a business day).'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -f -a "remove" -d 'Remove a holiday.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from holiday" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l years -d 'Expand recurring .ics events into these years (default: this year and the next two)' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create a calendar or change its zone, weekend or cut-off.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one calendar with its holidays, or list all calendars.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "holiday" -d 'Add or remove holidays.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.'
complete -c cpor -n "__fish_cpor_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand catalog" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand backup" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand completions" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand man" -l dir -d 'Write every page (cpor.1 and one per command) into DIR instead' -r -f -a "(__fish_complete_directories)"
complete -c cpor -n "__fish_cpor_using_subcommand man" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand man" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand man" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand man" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand man" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand man" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand man" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand man" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand man" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand man" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand man" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l name -d 'New name of the claim' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l domain -d 'New domain of the claim\'s tenant' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l customer-name -d 'Customer contact\'s name' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l customer-title -d 'Customer contact\'s title' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l customer-email -d 'Customer contact\'s e-mail' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l technical-name -d 'Technical contact\'s name (Business Applications; "" removes the technical contact)' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l technical-title -d 'Technical contact\'s title (Business Applications)' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l technical-email -d 'Technical contact\'s e-mail (Business Applications)' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l partner-contact -d 'Partner contact\'s name' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l partner-email -d 'Partner contact\'s e-mail' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l channel -d 'Channel the subscription was bought through (Business Applications; csp is refused unless the tenant is pinned elsewhere)' -r -f -a "vl\t''
web-direct\t''
csp\t''"
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l purchase-date -d 'Date of purchase (YYYY-MM-DD; Business Applications)' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l comment -d 'The claim\'s comment' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l reason -d 'Why the claim is corrected (mandatory; recorded in its history)' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l dry-run -d 'Check everything and show the claim as it would be, without writing'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand edit" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -f -a "add" -d 'Add a PoE version to an active claim; it becomes the claim\'s `poe`.'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and not __fish_seen_subcommand_from add help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l poe -d 'Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l poe-signed -d 'Date the customer signed it (YYYY-MM-DD)' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l reason -d 'Why the PoE is added (recorded in the claim\'s history)' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a PoE version to an active claim; it becomes the claim\'s `poe`.'
complete -c cpor -n "__fish_cpor_using_subcommand poe; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -f -a "show" -d 'Show a tenant\'s pins, its pin log and its claims by status.'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -f -a "unpin" -d 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and not __fish_seen_subcommand_from show unpin help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l domain -d 'The tenant this domain is pinned to' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l subscription -d 'The tenant this subscription is pinned to' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l domain -d 'The domain to unpin' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l subscription -d 'The subscription to unpin' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l reason -d 'Why the pin is removed (mandatory; kept in the pin log)' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from unpin" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a tenant\'s pins, its pin log and its claims by status.'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "unpin" -d 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.'
complete -c cpor -n "__fish_cpor_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand due" -l within -d 'Closing: at most N business days left' -r
complete -c cpor -n "__fish_cpor_using_subcommand due" -l since -d 'Official: since this instant (RFC 3339, or a date meaning its midnight UTC) [default: 24 hours ago]' -r
complete -c cpor -n "__fish_cpor_using_subcommand due" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand due" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand due" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand due" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand due" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand due" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand due" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand due" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand due" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand due" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand due" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand due" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand due" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand report" -l by -d 'What each row counts' -r -f -a "program\t''
partner\t''
month\t''"
complete -c cpor -n "__fish_cpor_using_subcommand report" -l from -d 'First day of the range (YYYY-MM-DD, UTC) [default: the first day of the month 11 months ago]' -r
complete -c cpor -n "__fish_cpor_using_subcommand report" -l to -d 'Last day of the range (YYYY-MM-DD, UTC, inclusive) [default: today]' -r
complete -c cpor -n "__fish_cpor_using_subcommand report" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand report" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand report" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand report" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand report" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand report" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand report" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand report" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand report" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand report" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand report" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand report" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand import" -l skip-refused -d 'File the good rows and write the bad ones, with their error codes, to this file' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand import" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand import" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand import" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand import" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand import" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand import" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand import" -l dry-run -d 'Check every row against the rules and the database, and write nothing'
complete -c cpor -n "__fish_cpor_using_subcommand import" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand import" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand import" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand import" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand import" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand import" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand export" -l status -d 'Only claims with this status (repeatable)' -r -f -a "pending\t''
official\t''
opted-out\t''
withdrawn\t''"
complete -c cpor -n "__fish_cpor_using_subcommand export" -l program -d 'Only claims in this program' -r -f -a "osa-sell\t''
osu-m365\t''
osu-bizapps\t''"
complete -c cpor -n "__fish_cpor_using_subcommand export" -l partner-id -d 'Only claims of this PartnerID' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l tenant -d 'Only claims on this tenant' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l domain -d 'Only claims naming this domain' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l workload -d 'Only claims on this workload or product' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l due-before -d 'Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning its midnight UTC)' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l sort -d 'Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID' -r -f -a "filed\t''
deadline\t''"
complete -c cpor -n "__fish_cpor_using_subcommand export" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand export" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand export" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand export" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand export" -l reverse -d 'Reverse the order'
complete -c cpor -n "__fish_cpor_using_subcommand export" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand export" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand export" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand export" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand export" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand export" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand dump" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand restore" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -f -a "migrate" -d 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -f -a "grant" -d 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -f -a "revoke" -d 'Take both incentive roles from a PostgreSQL login.'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -f -a "roles" -d 'List the logins holding an incentive role.'
complete -c cpor -n "__fish_cpor_using_subcommand db; and not __fish_seen_subcommand_from migrate grant revoke roles help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l role -d 'user: reads, files claims, changes the claims it filed; admin: everything' -r -f -a "user\t''
admin\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l db -d 'Database file [default: <platform data dir>/cpor/cpor.db]' -r -F
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l format -d 'Output format (jsonl: the rows of import and export)' -r -f -a "table\t''
json\t''
csv\t''
jsonl\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l now -d 'The current instant (RFC 3339), for backfills, replays and tests' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l actor -d 'Who is acting, recorded in history [default: the OS user name]' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l color -d 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l tz -d 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim\'s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC' -r
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l json -d 'Shorthand for --format json'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -s q -l quiet -d 'Only print errors on stderr'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -s v -l verbose -d 'Print more detail on stderr (CPOR_LOG=debug does the same)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -l no-input -d 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -s y -l yes -d 'Answer yes to confirmations'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from roles" -s V -l version -d 'Print version'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Take both incentive roles from a PostgreSQL login.'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "roles" -d 'List the logins holding an incentive role.'
complete -c cpor -n "__fish_cpor_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "claim" -d 'File a claim: associate a customer\'s tenant and workload (or subscription) with a PartnerID.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "list" -d 'List claims, newest first (or soonest deadline first with --sort deadline).'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "show" -d 'Show one claim: every field and its history, oldest event first.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "opt-out" -d 'Record that the customer opted out (declined the association).'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "withdraw" -d 'Withdraw claims: the partner disassociates from the customer\'s unit, with a reason.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "finalize" -d 'Make every pending claim whose opt-out deadline has passed official.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "troubleshoot" -d 'Explain a claim, check whether a claim would be accepted, or check the installation.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "partner" -d 'Manage PartnerIDs and the programs they are enrolled in.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "calendar" -d 'Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "catalog" -d 'Print the catalog: each program, its activity and the workload keys it accepts.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "backup" -d 'Write a consistent backup of the database to a new file.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "completions" -d 'Print the shell completion script for SHELL.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "man" -d 'Print a man page (roff): cpor\'s, or one command\'s; or write every page to a directory.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "edit" -d 'Correct an active claim: fix a typo without withdrawing and filing again.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "poe" -d 'Proof-of-execution versions of a claim.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "tenant" -d 'Tenant pins: which domains and subscriptions belong to which tenant.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "due" -d 'What needs attention today: claims whose window closes soon, overdue ones, new official associations and aging PoE.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "report" -d 'Count claims by program, PartnerID or month.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "import" -d 'File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "export" -d 'Export every matching claim, without a limit: JSONL (one claim object per line, with its history and PoE versions) or CSV (the columns of `list --format csv`).'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "dump" -d 'Write the whole database as JSONL, for moving it to another database or backend.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "restore" -d 'Load a dump into an empty database, verifying it as it loads.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "db" -d 'Set up the database and, on PostgreSQL, the team\'s roles.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and not __fish_seen_subcommand_from claim list show opt-out withdraw finalize troubleshoot partner calendar catalog backup completions man edit poe tenant due report import export dump restore db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from partner" -f -a "add" -d 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from partner" -f -a "list" -d 'List PartnerIDs and their programs.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from partner" -f -a "remove" -d 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from calendar" -f -a "set" -d 'Create a calendar or change its zone, weekend or cut-off.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from calendar" -f -a "show" -d 'Show one calendar with its holidays, or list all calendars.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from calendar" -f -a "holiday" -d 'Add or remove holidays.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from calendar" -f -a "import" -d 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from poe" -f -a "add" -d 'Add a PoE version to an active claim; it becomes the claim\'s `poe`.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'Show a tenant\'s pins, its pin log and its claims by status.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "unpin" -d 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "migrate" -d 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "grant" -d 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "revoke" -d 'Take both incentive roles from a PostgreSQL login.'
complete -c cpor -n "__fish_cpor_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "roles" -d 'List the logins holding an incentive role.'
