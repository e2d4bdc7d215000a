
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cpor' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cpor'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cpor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'File a claim: associate a customer''s tenant and workload (or subscription) with a PartnerID.')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims, newest first (or soonest deadline first with --sort deadline).')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one claim: every field and its history, oldest event first.')
            [CompletionResult]::new('opt-out', 'opt-out', [CompletionResultType]::ParameterValue, 'Record that the customer opted out (declined the association).')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Withdraw claims: the partner disassociates from the customer''s unit, with a reason.')
            [CompletionResult]::new('finalize', 'finalize', [CompletionResultType]::ParameterValue, 'Make every pending claim whose opt-out deadline has passed official.')
            [CompletionResult]::new('troubleshoot', 'troubleshoot', [CompletionResultType]::ParameterValue, 'Explain a claim, check whether a claim would be accepted, or check the installation.')
            [CompletionResult]::new('partner', 'partner', [CompletionResultType]::ParameterValue, 'Manage PartnerIDs and the programs they are enrolled in.')
            [CompletionResult]::new('calendar', 'calendar', [CompletionResultType]::ParameterValue, 'Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Print the catalog: each program, its activity and the workload keys it accepts.')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent backup of the database to a new file.')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL.')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): cpor''s, or one command''s; or write every page to a directory.')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Correct an active claim: fix a typo without withdrawing and filing again.')
            [CompletionResult]::new('poe', 'poe', [CompletionResultType]::ParameterValue, 'Proof-of-execution versions of a claim.')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Tenant pins: which domains and subscriptions belong to which tenant.')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'What needs attention today: claims whose window closes soon, overdue ones, new official associations and aging PoE.')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Count claims by program, PartnerID or month.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export every matching claim, without a limit: JSONL (one claim object per line, with its history and PoE versions) or CSV (the columns of `list --format csv`).')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Write the whole database as JSONL, for moving it to another database or backend.')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Load a dump into an empty database, verifying it as it loads.')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Set up the database and, on PostgreSQL, the team''s roles.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;claim' {
            [CompletionResult]::new('--partner-id', '--partner-id', [CompletionResultType]::ParameterName, 'PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Customer tenant ID (a GUID)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'One of the tenant''s domains, e.g. contoso.com')
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'Program')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'Workload or product key (repeatable for claim; see `cpor catalog`)')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Dynamics 365 subscription ID (Business Applications programs)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Purchase channel (Business Applications programs)')
            [CompletionResult]::new('--customer-name', '--customer-name', [CompletionResultType]::ParameterName, 'Customer contact''s name')
            [CompletionResult]::new('--customer-title', '--customer-title', [CompletionResultType]::ParameterName, 'Customer contact''s title')
            [CompletionResult]::new('--customer-email', '--customer-email', [CompletionResultType]::ParameterName, 'Customer contact''s e-mail')
            [CompletionResult]::new('--technical-name', '--technical-name', [CompletionResultType]::ParameterName, 'Customer technical contact''s name (Business Applications programs)')
            [CompletionResult]::new('--technical-title', '--technical-title', [CompletionResultType]::ParameterName, 'Customer technical contact''s title (Business Applications programs)')
            [CompletionResult]::new('--technical-email', '--technical-email', [CompletionResultType]::ParameterName, 'Customer technical contact''s e-mail (Business Applications programs)')
            [CompletionResult]::new('--partner-contact', '--partner-contact', [CompletionResultType]::ParameterName, 'Partner contact''s name [config: defaults.partner_contact]')
            [CompletionResult]::new('--partner-email', '--partner-email', [CompletionResultType]::ParameterName, 'Partner contact''s e-mail [config: defaults.partner_email]')
            [CompletionResult]::new('--poe', '--poe', [CompletionResultType]::ParameterName, 'Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL')
            [CompletionResult]::new('--poe-signed', '--poe-signed', [CompletionResultType]::ParameterName, 'Date the customer signed the proof of execution (YYYY-MM-DD)')
            [CompletionResult]::new('--purchase-date', '--purchase-date', [CompletionResultType]::ParameterName, 'Date of purchase (YYYY-MM-DD; required for osa-sell)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the claim [default: "<domain> <workload>"]')
            [CompletionResult]::new('--notified-at', '--notified-at', [CompletionResultType]::ParameterName, 'When the customer was notified (RFC 3339) [default: now]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'Business-day calendar for the opt-out window [config: calendar; default: default]')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A comment, recorded with the claim and its `filed` history event')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything and show what would be filed, without writing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only claims with this status (repeatable)')
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'Only claims in this program')
            [CompletionResult]::new('--partner-id', '--partner-id', [CompletionResultType]::ParameterName, 'Only claims of this PartnerID')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Only claims on this tenant')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Only claims naming this domain')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'Only claims on this workload or product')
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning its midnight UTC)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N claims')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Reverse the order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every matching claim')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show tenant and subscription GUIDs whole in the table (they are shortened to their first 8 characters to fit the terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;opt-out' {
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Opt out every active claim of this tenant')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'With --tenant: only claims on this workload (repeatable)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the customer opted out (RFC 3339; not in the future, not before the notification) [default: now]')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, as the customer said it')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;withdraw' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the partner withdraws (mandatory)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;finalize' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would become official, without writing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;troubleshoot' {
            [CompletionResult]::new('--partner-id', '--partner-id', [CompletionResultType]::ParameterName, 'PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Customer tenant ID (a GUID)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'One of the tenant''s domains, e.g. contoso.com')
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'Program')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'Workload or product key (repeatable for claim; see `cpor catalog`)')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Dynamics 365 subscription ID (Business Applications programs)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Purchase channel (Business Applications programs)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also run the checks that read everything: SQLite''s integrity check, every claim''s history hash chain, and that each status equals its last history event')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;partner' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List PartnerIDs and their programs.')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;partner;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The location''s name (required for a new PartnerID; renames an existing one)')
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'Program to enrol in (repeatable)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;partner;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;partner;remove' {
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'Program to unenrol from (repeatable); without it the PartnerID is removed')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;partner;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List PartnerIDs and their programs.')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;partner;help;add' {
            break
        }
        'cpor;partner;help;list' {
            break
        }
        'cpor;partner;help;remove' {
            break
        }
        'cpor;partner;help;help' {
            break
        }
        'cpor;calendar' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create a calendar or change its zone, weekend or cut-off.')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one calendar with its holidays, or list all calendars.')
            [CompletionResult]::new('holiday', 'holiday', [CompletionResultType]::ParameterValue, 'Add or remove holidays.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;calendar;set' {
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'IANA time zone, e.g. Europe/London')
            [CompletionResult]::new('--weekend', '--weekend', [CompletionResultType]::ParameterName, 'Weekend days, a comma list of mon..sun (at least one day must remain a business day)')
            [CompletionResult]::new('--cutoff', '--cutoff', [CompletionResultType]::ParameterName, 'Notifications at or after this local time count from the next day (HH:MM, or none)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;calendar;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;calendar;holiday' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a holiday (a date that is not a business day).')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a holiday.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;calendar;holiday;add' {
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'What the holiday is')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;calendar;holiday;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;calendar;holiday;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a holiday (a date that is not a business day).')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a holiday.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;calendar;holiday;help;add' {
            break
        }
        'cpor;calendar;holiday;help;remove' {
            break
        }
        'cpor;calendar;holiday;help;help' {
            break
        }
        'cpor;calendar;import' {
            [CompletionResult]::new('--years', '--years', [CompletionResultType]::ParameterName, 'Expand recurring .ics events into these years (default: this year and the next two)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;calendar;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create a calendar or change its zone, weekend or cut-off.')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one calendar with its holidays, or list all calendars.')
            [CompletionResult]::new('holiday', 'holiday', [CompletionResultType]::ParameterValue, 'Add or remove holidays.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;calendar;help;set' {
            break
        }
        'cpor;calendar;help;show' {
            break
        }
        'cpor;calendar;help;holiday' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a holiday (a date that is not a business day).')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a holiday.')
            break
        }
        'cpor;calendar;help;holiday;add' {
            break
        }
        'cpor;calendar;help;holiday;remove' {
            break
        }
        'cpor;calendar;help;import' {
            break
        }
        'cpor;calendar;help;help' {
            break
        }
        'cpor;catalog' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page (cpor.1 and one per command) into DIR instead')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name of the claim')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'New domain of the claim''s tenant')
            [CompletionResult]::new('--customer-name', '--customer-name', [CompletionResultType]::ParameterName, 'Customer contact''s name')
            [CompletionResult]::new('--customer-title', '--customer-title', [CompletionResultType]::ParameterName, 'Customer contact''s title')
            [CompletionResult]::new('--customer-email', '--customer-email', [CompletionResultType]::ParameterName, 'Customer contact''s e-mail')
            [CompletionResult]::new('--technical-name', '--technical-name', [CompletionResultType]::ParameterName, 'Technical contact''s name (Business Applications; "" removes the technical contact)')
            [CompletionResult]::new('--technical-title', '--technical-title', [CompletionResultType]::ParameterName, 'Technical contact''s title (Business Applications)')
            [CompletionResult]::new('--technical-email', '--technical-email', [CompletionResultType]::ParameterName, 'Technical contact''s e-mail (Business Applications)')
            [CompletionResult]::new('--partner-contact', '--partner-contact', [CompletionResultType]::ParameterName, 'Partner contact''s name')
            [CompletionResult]::new('--partner-email', '--partner-email', [CompletionResultType]::ParameterName, 'Partner contact''s e-mail')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Channel the subscription was bought through (Business Applications; csp is refused unless the tenant is pinned elsewhere)')
            [CompletionResult]::new('--purchase-date', '--purchase-date', [CompletionResultType]::ParameterName, 'Date of purchase (YYYY-MM-DD; Business Applications)')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'The claim''s comment')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the claim is corrected (mandatory; recorded in its history)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything and show the claim as it would be, without writing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;poe' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a PoE version to an active claim; it becomes the claim''s `poe`.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;poe;add' {
            [CompletionResult]::new('--poe', '--poe', [CompletionResultType]::ParameterName, 'Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL')
            [CompletionResult]::new('--poe-signed', '--poe-signed', [CompletionResultType]::ParameterName, 'Date the customer signed it (YYYY-MM-DD)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the PoE is added (recorded in the claim''s history)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;poe;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a PoE version to an active claim; it becomes the claim''s `poe`.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;poe;help;add' {
            break
        }
        'cpor;poe;help;help' {
            break
        }
        'cpor;tenant' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant''s pins, its pin log and its claims by status.')
            [CompletionResult]::new('unpin', 'unpin', [CompletionResultType]::ParameterValue, 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;tenant;show' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The tenant this domain is pinned to')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'The tenant this subscription is pinned to')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;tenant;unpin' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain to unpin')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'The subscription to unpin')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the pin is removed (mandatory; kept in the pin log)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;tenant;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant''s pins, its pin log and its claims by status.')
            [CompletionResult]::new('unpin', 'unpin', [CompletionResultType]::ParameterValue, 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;tenant;help;show' {
            break
        }
        'cpor;tenant;help;unpin' {
            break
        }
        'cpor;tenant;help;help' {
            break
        }
        'cpor;due' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Closing: at most N business days left')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Official: since this instant (RFC 3339, or a date meaning its midnight UTC) [default: 24 hours ago]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;report' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'What each row counts')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day of the range (YYYY-MM-DD, UTC) [default: the first day of the month 11 months ago]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day of the range (YYYY-MM-DD, UTC, inclusive) [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;import' {
            [CompletionResult]::new('--skip-refused', '--skip-refused', [CompletionResultType]::ParameterName, 'File the good rows and write the bad ones, with their error codes, to this file')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check every row against the rules and the database, and write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;export' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only claims with this status (repeatable)')
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'Only claims in this program')
            [CompletionResult]::new('--partner-id', '--partner-id', [CompletionResultType]::ParameterName, 'Only claims of this PartnerID')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Only claims on this tenant')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Only claims naming this domain')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'Only claims on this workload or product')
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning its midnight UTC)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Reverse the order')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;dump' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;restore' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;db' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take both incentive roles from a PostgreSQL login.')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'List the logins holding an incentive role.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;db;migrate' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;db;grant' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'user: reads, files claims, changes the claims it filed; admin: everything')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;db;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;db;roles' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file [default: <platform data dir>/cpor/cpor.db]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (jsonl: the rows of import and export)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current instant (RFC 3339), for backfills, replays and tests')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in history [default: the OS user name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --format json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only print errors on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr (CPOR_LOG=debug does the same)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cpor;db;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take both incentive roles from a PostgreSQL login.')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'List the logins holding an incentive role.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;db;help;migrate' {
            break
        }
        'cpor;db;help;grant' {
            break
        }
        'cpor;db;help;revoke' {
            break
        }
        'cpor;db;help;roles' {
            break
        }
        'cpor;db;help;help' {
            break
        }
        'cpor;help' {
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'File a claim: associate a customer''s tenant and workload (or subscription) with a PartnerID.')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims, newest first (or soonest deadline first with --sort deadline).')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one claim: every field and its history, oldest event first.')
            [CompletionResult]::new('opt-out', 'opt-out', [CompletionResultType]::ParameterValue, 'Record that the customer opted out (declined the association).')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Withdraw claims: the partner disassociates from the customer''s unit, with a reason.')
            [CompletionResult]::new('finalize', 'finalize', [CompletionResultType]::ParameterValue, 'Make every pending claim whose opt-out deadline has passed official.')
            [CompletionResult]::new('troubleshoot', 'troubleshoot', [CompletionResultType]::ParameterValue, 'Explain a claim, check whether a claim would be accepted, or check the installation.')
            [CompletionResult]::new('partner', 'partner', [CompletionResultType]::ParameterValue, 'Manage PartnerIDs and the programs they are enrolled in.')
            [CompletionResult]::new('calendar', 'calendar', [CompletionResultType]::ParameterValue, 'Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Print the catalog: each program, its activity and the workload keys it accepts.')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent backup of the database to a new file.')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL.')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): cpor''s, or one command''s; or write every page to a directory.')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Correct an active claim: fix a typo without withdrawing and filing again.')
            [CompletionResult]::new('poe', 'poe', [CompletionResultType]::ParameterValue, 'Proof-of-execution versions of a claim.')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Tenant pins: which domains and subscriptions belong to which tenant.')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'What needs attention today: claims whose window closes soon, overdue ones, new official associations and aging PoE.')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Count claims by program, PartnerID or month.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export every matching claim, without a limit: JSONL (one claim object per line, with its history and PoE versions) or CSV (the columns of `list --format csv`).')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Write the whole database as JSONL, for moving it to another database or backend.')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Load a dump into an empty database, verifying it as it loads.')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Set up the database and, on PostgreSQL, the team''s roles.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cpor;help;claim' {
            break
        }
        'cpor;help;list' {
            break
        }
        'cpor;help;show' {
            break
        }
        'cpor;help;opt-out' {
            break
        }
        'cpor;help;withdraw' {
            break
        }
        'cpor;help;finalize' {
            break
        }
        'cpor;help;troubleshoot' {
            break
        }
        'cpor;help;partner' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List PartnerIDs and their programs.')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.')
            break
        }
        'cpor;help;partner;add' {
            break
        }
        'cpor;help;partner;list' {
            break
        }
        'cpor;help;partner;remove' {
            break
        }
        'cpor;help;calendar' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create a calendar or change its zone, weekend or cut-off.')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one calendar with its holidays, or list all calendars.')
            [CompletionResult]::new('holiday', 'holiday', [CompletionResultType]::ParameterValue, 'Add or remove holidays.')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.')
            break
        }
        'cpor;help;calendar;set' {
            break
        }
        'cpor;help;calendar;show' {
            break
        }
        'cpor;help;calendar;holiday' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a holiday (a date that is not a business day).')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a holiday.')
            break
        }
        'cpor;help;calendar;holiday;add' {
            break
        }
        'cpor;help;calendar;holiday;remove' {
            break
        }
        'cpor;help;calendar;import' {
            break
        }
        'cpor;help;catalog' {
            break
        }
        'cpor;help;backup' {
            break
        }
        'cpor;help;completions' {
            break
        }
        'cpor;help;man' {
            break
        }
        'cpor;help;edit' {
            break
        }
        'cpor;help;poe' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a PoE version to an active claim; it becomes the claim''s `poe`.')
            break
        }
        'cpor;help;poe;add' {
            break
        }
        'cpor;help;tenant' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a tenant''s pins, its pin log and its claims by status.')
            [CompletionResult]::new('unpin', 'unpin', [CompletionResultType]::ParameterValue, 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.')
            break
        }
        'cpor;help;tenant;show' {
            break
        }
        'cpor;help;tenant;unpin' {
            break
        }
        'cpor;help;due' {
            break
        }
        'cpor;help;report' {
            break
        }
        'cpor;help;import' {
            break
        }
        'cpor;help;export' {
            break
        }
        'cpor;help;dump' {
            break
        }
        'cpor;help;restore' {
            break
        }
        'cpor;help;db' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take both incentive roles from a PostgreSQL login.')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'List the logins holding an incentive role.')
            break
        }
        'cpor;help;db;migrate' {
            break
        }
        'cpor;help;db;grant' {
            break
        }
        'cpor;help;db;revoke' {
            break
        }
        'cpor;help;db;roles' {
            break
        }
        'cpor;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
