
use builtin;
use str;

set edit:completion:arg-completer[cpor] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cpor'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cpor'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand claim 'File a claim: associate a customer''s tenant and workload (or subscription) with a PartnerID.'
            cand list 'List claims, newest first (or soonest deadline first with --sort deadline).'
            cand show 'Show one claim: every field and its history, oldest event first.'
            cand opt-out 'Record that the customer opted out (declined the association).'
            cand withdraw 'Withdraw claims: the partner disassociates from the customer''s unit, with a reason.'
            cand finalize 'Make every pending claim whose opt-out deadline has passed official.'
            cand troubleshoot 'Explain a claim, check whether a claim would be accepted, or check the installation.'
            cand partner 'Manage PartnerIDs and the programs they are enrolled in.'
            cand calendar 'Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.'
            cand catalog 'Print the catalog: each program, its activity and the workload keys it accepts.'
            cand backup 'Write a consistent backup of the database to a new file.'
            cand completions 'Print the shell completion script for SHELL.'
            cand man 'Print a man page (roff): cpor''s, or one command''s; or write every page to a directory.'
            cand edit 'Correct an active claim: fix a typo without withdrawing and filing again.'
            cand poe 'Proof-of-execution versions of a claim.'
            cand tenant 'Tenant pins: which domains and subscriptions belong to which tenant.'
            cand due 'What needs attention today: claims whose window closes soon, overdue ones, new official associations and aging PoE.'
            cand report 'Count claims by program, PartnerID or month.'
            cand import 'File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.'
            cand export 'Export every matching claim, without a limit: JSONL (one claim object per line, with its history and PoE versions) or CSV (the columns of `list --format csv`).'
            cand dump 'Write the whole database as JSONL, for moving it to another database or backend.'
            cand restore 'Load a dump into an empty database, verifying it as it loads.'
            cand db 'Set up the database and, on PostgreSQL, the team''s roles.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;claim'= {
            cand --partner-id 'PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]'
            cand --tenant 'Customer tenant ID (a GUID)'
            cand --domain 'One of the tenant''s domains, e.g. contoso.com'
            cand --program 'Program'
            cand --workload 'Workload or product key (repeatable for claim; see `cpor catalog`)'
            cand --subscription 'Dynamics 365 subscription ID (Business Applications programs)'
            cand --channel 'Purchase channel (Business Applications programs)'
            cand --customer-name 'Customer contact''s name'
            cand --customer-title 'Customer contact''s title'
            cand --customer-email 'Customer contact''s e-mail'
            cand --technical-name 'Customer technical contact''s name (Business Applications programs)'
            cand --technical-title 'Customer technical contact''s title (Business Applications programs)'
            cand --technical-email 'Customer technical contact''s e-mail (Business Applications programs)'
            cand --partner-contact 'Partner contact''s name [config: defaults.partner_contact]'
            cand --partner-email 'Partner contact''s e-mail [config: defaults.partner_email]'
            cand --poe 'Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL'
            cand --poe-signed 'Date the customer signed the proof of execution (YYYY-MM-DD)'
            cand --purchase-date 'Date of purchase (YYYY-MM-DD; required for osa-sell)'
            cand --name 'A name for the claim [default: "<domain> <workload>"]'
            cand --notified-at 'When the customer was notified (RFC 3339) [default: now]'
            cand --calendar 'Business-day calendar for the opt-out window [config: calendar; default: default]'
            cand --comment 'A comment, recorded with the claim and its `filed` history event'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --dry-run 'Check everything and show what would be filed, without writing'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;list'= {
            cand --status 'Only claims with this status (repeatable)'
            cand --program 'Only claims in this program'
            cand --partner-id 'Only claims of this PartnerID'
            cand --tenant 'Only claims on this tenant'
            cand --domain 'Only claims naming this domain'
            cand --workload 'Only claims on this workload or product'
            cand --due-before 'Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning its midnight UTC)'
            cand --sort 'Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID'
            cand --limit 'Show at most N claims'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --reverse 'Reverse the order'
            cand --all 'Show every matching claim'
            cand --wide 'Show tenant and subscription GUIDs whole in the table (they are shortened to their first 8 characters to fit the terminal)'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;show'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;opt-out'= {
            cand --tenant 'Opt out every active claim of this tenant'
            cand --workload 'With --tenant: only claims on this workload (repeatable)'
            cand --at 'When the customer opted out (RFC 3339; not in the future, not before the notification) [default: now]'
            cand --reason 'Why, as the customer said it'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;withdraw'= {
            cand --reason 'Why the partner withdraws (mandatory)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;finalize'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --dry-run 'Show what would become official, without writing'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;troubleshoot'= {
            cand --partner-id 'PartnerID (formerly MPN ID) of the claiming location [config: defaults.partner_id]'
            cand --tenant 'Customer tenant ID (a GUID)'
            cand --domain 'One of the tenant''s domains, e.g. contoso.com'
            cand --program 'Program'
            cand --workload 'Workload or product key (repeatable for claim; see `cpor catalog`)'
            cand --subscription 'Dynamics 365 subscription ID (Business Applications programs)'
            cand --channel 'Purchase channel (Business Applications programs)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --deep 'Also run the checks that read everything: SQLite''s integrity check, every claim''s history hash chain, and that each status equals its last history event'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;partner'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).'
            cand list 'List PartnerIDs and their programs.'
            cand remove 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;partner;add'= {
            cand --name 'The location''s name (required for a new PartnerID; renames an existing one)'
            cand --program 'Program to enrol in (repeatable)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;partner;list'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;partner;remove'= {
            cand --program 'Program to unenrol from (repeatable); without it the PartnerID is removed'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;partner;help'= {
            cand add 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).'
            cand list 'List PartnerIDs and their programs.'
            cand remove 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;partner;help;add'= {
        }
        &'cpor;partner;help;list'= {
        }
        &'cpor;partner;help;remove'= {
        }
        &'cpor;partner;help;help'= {
        }
        &'cpor;calendar'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Create a calendar or change its zone, weekend or cut-off.'
            cand show 'Show one calendar with its holidays, or list all calendars.'
            cand holiday 'Add or remove holidays.'
            cand import 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;calendar;set'= {
            cand --tz 'IANA time zone, e.g. Europe/London'
            cand --weekend 'Weekend days, a comma list of mon..sun (at least one day must remain a business day)'
            cand --cutoff 'Notifications at or after this local time count from the next day (HH:MM, or none)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;calendar;show'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;calendar;holiday'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a holiday (a date that is not a business day).'
            cand remove 'Remove a holiday.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;calendar;holiday;add'= {
            cand --label 'What the holiday is'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;calendar;holiday;remove'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;calendar;holiday;help'= {
            cand add 'Add a holiday (a date that is not a business day).'
            cand remove 'Remove a holiday.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;calendar;holiday;help;add'= {
        }
        &'cpor;calendar;holiday;help;remove'= {
        }
        &'cpor;calendar;holiday;help;help'= {
        }
        &'cpor;calendar;import'= {
            cand --years 'Expand recurring .ics events into these years (default: this year and the next two)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;calendar;help'= {
            cand set 'Create a calendar or change its zone, weekend or cut-off.'
            cand show 'Show one calendar with its holidays, or list all calendars.'
            cand holiday 'Add or remove holidays.'
            cand import 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;calendar;help;set'= {
        }
        &'cpor;calendar;help;show'= {
        }
        &'cpor;calendar;help;holiday'= {
            cand add 'Add a holiday (a date that is not a business day).'
            cand remove 'Remove a holiday.'
        }
        &'cpor;calendar;help;holiday;add'= {
        }
        &'cpor;calendar;help;holiday;remove'= {
        }
        &'cpor;calendar;help;import'= {
        }
        &'cpor;calendar;help;help'= {
        }
        &'cpor;catalog'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;backup'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;completions'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;man'= {
            cand --dir 'Write every page (cpor.1 and one per command) into DIR instead'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;edit'= {
            cand --name 'New name of the claim'
            cand --domain 'New domain of the claim''s tenant'
            cand --customer-name 'Customer contact''s name'
            cand --customer-title 'Customer contact''s title'
            cand --customer-email 'Customer contact''s e-mail'
            cand --technical-name 'Technical contact''s name (Business Applications; "" removes the technical contact)'
            cand --technical-title 'Technical contact''s title (Business Applications)'
            cand --technical-email 'Technical contact''s e-mail (Business Applications)'
            cand --partner-contact 'Partner contact''s name'
            cand --partner-email 'Partner contact''s e-mail'
            cand --channel 'Channel the subscription was bought through (Business Applications; csp is refused unless the tenant is pinned elsewhere)'
            cand --purchase-date 'Date of purchase (YYYY-MM-DD; Business Applications)'
            cand --comment 'The claim''s comment'
            cand --reason 'Why the claim is corrected (mandatory; recorded in its history)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --dry-run 'Check everything and show the claim as it would be, without writing'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;poe'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a PoE version to an active claim; it becomes the claim''s `poe`.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;poe;add'= {
            cand --poe 'Proof of execution: a local file (recorded by path, size and SHA-256) or an http(s) URL'
            cand --poe-signed 'Date the customer signed it (YYYY-MM-DD)'
            cand --reason 'Why the PoE is added (recorded in the claim''s history)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;poe;help'= {
            cand add 'Add a PoE version to an active claim; it becomes the claim''s `poe`.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;poe;help;add'= {
        }
        &'cpor;poe;help;help'= {
        }
        &'cpor;tenant'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show a tenant''s pins, its pin log and its claims by status.'
            cand unpin 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;tenant;show'= {
            cand --domain 'The tenant this domain is pinned to'
            cand --subscription 'The tenant this subscription is pinned to'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;tenant;unpin'= {
            cand --domain 'The domain to unpin'
            cand --subscription 'The subscription to unpin'
            cand --reason 'Why the pin is removed (mandatory; kept in the pin log)'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;tenant;help'= {
            cand show 'Show a tenant''s pins, its pin log and its claims by status.'
            cand unpin 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;tenant;help;show'= {
        }
        &'cpor;tenant;help;unpin'= {
        }
        &'cpor;tenant;help;help'= {
        }
        &'cpor;due'= {
            cand --within 'Closing: at most N business days left'
            cand --since 'Official: since this instant (RFC 3339, or a date meaning its midnight UTC) [default: 24 hours ago]'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;report'= {
            cand --by 'What each row counts'
            cand --from 'First day of the range (YYYY-MM-DD, UTC) [default: the first day of the month 11 months ago]'
            cand --to 'Last day of the range (YYYY-MM-DD, UTC, inclusive) [default: today]'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;import'= {
            cand --skip-refused 'File the good rows and write the bad ones, with their error codes, to this file'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --dry-run 'Check every row against the rules and the database, and write nothing'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;export'= {
            cand --status 'Only claims with this status (repeatable)'
            cand --program 'Only claims in this program'
            cand --partner-id 'Only claims of this PartnerID'
            cand --tenant 'Only claims on this tenant'
            cand --domain 'Only claims naming this domain'
            cand --workload 'Only claims on this workload or product'
            cand --due-before 'Only claims whose opt-out deadline is before this instant (RFC 3339, or a date meaning its midnight UTC)'
            cand --sort 'Sort by filing time (newest first) or by deadline (soonest first); ties by claim ID'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --reverse 'Reverse the order'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;dump'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;restore'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;db'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand migrate 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).'
            cand grant 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).'
            cand revoke 'Take both incentive roles from a PostgreSQL login.'
            cand roles 'List the logins holding an incentive role.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;db;migrate'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;db;grant'= {
            cand --role 'user: reads, files claims, changes the claims it filed; admin: everything'
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;db;revoke'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;db;roles'= {
            cand --db 'Database file [default: <platform data dir>/cpor/cpor.db]'
            cand --format 'Output format (jsonl: the rows of import and export)'
            cand --now 'The current instant (RFC 3339), for backfills, replays and tests'
            cand --actor 'Who is acting, recorded in history [default: the OS user name]'
            cand --color 'When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and TERM=dumb; always and never beat them'
            cand --tz 'The zone tables show times in: an IANA name, `local` (honours TZ) or `utc` [default: each claim''s calendar zone; env: CPOR_TZ; config: display_tz]. JSON and CSV stay UTC'
            cand --json 'Shorthand for --format json'
            cand -q 'Only print errors on stderr'
            cand --quiet 'Only print errors on stderr'
            cand -v 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --verbose 'Print more detail on stderr (CPOR_LOG=debug does the same)'
            cand --no-input 'Never prompt, also on a terminal (CPOR_NO_INPUT=1)'
            cand -y 'Answer yes to confirmations'
            cand --yes 'Answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cpor;db;help'= {
            cand migrate 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).'
            cand grant 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).'
            cand revoke 'Take both incentive roles from a PostgreSQL login.'
            cand roles 'List the logins holding an incentive role.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;db;help;migrate'= {
        }
        &'cpor;db;help;grant'= {
        }
        &'cpor;db;help;revoke'= {
        }
        &'cpor;db;help;roles'= {
        }
        &'cpor;db;help;help'= {
        }
        &'cpor;help'= {
            cand claim 'File a claim: associate a customer''s tenant and workload (or subscription) with a PartnerID.'
            cand list 'List claims, newest first (or soonest deadline first with --sort deadline).'
            cand show 'Show one claim: every field and its history, oldest event first.'
            cand opt-out 'Record that the customer opted out (declined the association).'
            cand withdraw 'Withdraw claims: the partner disassociates from the customer''s unit, with a reason.'
            cand finalize 'Make every pending claim whose opt-out deadline has passed official.'
            cand troubleshoot 'Explain a claim, check whether a claim would be accepted, or check the installation.'
            cand partner 'Manage PartnerIDs and the programs they are enrolled in.'
            cand calendar 'Business-day calendars: time zone, weekend, holidays and cut-off of the opt-out window.'
            cand catalog 'Print the catalog: each program, its activity and the workload keys it accepts.'
            cand backup 'Write a consistent backup of the database to a new file.'
            cand completions 'Print the shell completion script for SHELL.'
            cand man 'Print a man page (roff): cpor''s, or one command''s; or write every page to a directory.'
            cand edit 'Correct an active claim: fix a typo without withdrawing and filing again.'
            cand poe 'Proof-of-execution versions of a claim.'
            cand tenant 'Tenant pins: which domains and subscriptions belong to which tenant.'
            cand due 'What needs attention today: claims whose window closes soon, overdue ones, new official associations and aging PoE.'
            cand report 'Count claims by program, PartnerID or month.'
            cand import 'File many claims from a CSV or JSONL file, one claim per row, each exactly as `cpor claim`.'
            cand export 'Export every matching claim, without a limit: JSONL (one claim object per line, with its history and PoE versions) or CSV (the columns of `list --format csv`).'
            cand dump 'Write the whole database as JSONL, for moving it to another database or backend.'
            cand restore 'Load a dump into an empty database, verifying it as it loads.'
            cand db 'Set up the database and, on PostgreSQL, the team''s roles.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cpor;help;claim'= {
        }
        &'cpor;help;list'= {
        }
        &'cpor;help;show'= {
        }
        &'cpor;help;opt-out'= {
        }
        &'cpor;help;withdraw'= {
        }
        &'cpor;help;finalize'= {
        }
        &'cpor;help;troubleshoot'= {
        }
        &'cpor;help;partner'= {
            cand add 'Enrol a PartnerID in programs (creating it if new; adding to an existing one adds programs).'
            cand list 'List PartnerIDs and their programs.'
            cand remove 'Unenrol a PartnerID from programs, or remove it entirely. Its claims are kept.'
        }
        &'cpor;help;partner;add'= {
        }
        &'cpor;help;partner;list'= {
        }
        &'cpor;help;partner;remove'= {
        }
        &'cpor;help;calendar'= {
            cand set 'Create a calendar or change its zone, weekend or cut-off.'
            cand show 'Show one calendar with its holidays, or list all calendars.'
            cand holiday 'Add or remove holidays.'
            cand import 'Import holidays from a file: `.csv` rows `date,label`, or `.ics` all-day events.'
        }
        &'cpor;help;calendar;set'= {
        }
        &'cpor;help;calendar;show'= {
        }
        &'cpor;help;calendar;holiday'= {
            cand add 'Add a holiday (a date that is not a business day).'
            cand remove 'Remove a holiday.'
        }
        &'cpor;help;calendar;holiday;add'= {
        }
        &'cpor;help;calendar;holiday;remove'= {
        }
        &'cpor;help;calendar;import'= {
        }
        &'cpor;help;catalog'= {
        }
        &'cpor;help;backup'= {
        }
        &'cpor;help;completions'= {
        }
        &'cpor;help;man'= {
        }
        &'cpor;help;edit'= {
        }
        &'cpor;help;poe'= {
            cand add 'Add a PoE version to an active claim; it becomes the claim''s `poe`.'
        }
        &'cpor;help;poe;add'= {
        }
        &'cpor;help;tenant'= {
            cand show 'Show a tenant''s pins, its pin log and its claims by status.'
            cand unpin 'Remove a pin that no active claim uses, e.g. one made by a mistyped tenant ID.'
        }
        &'cpor;help;tenant;show'= {
        }
        &'cpor;help;tenant;unpin'= {
        }
        &'cpor;help;due'= {
        }
        &'cpor;help;report'= {
        }
        &'cpor;help;import'= {
        }
        &'cpor;help;export'= {
        }
        &'cpor;help;dump'= {
        }
        &'cpor;help;restore'= {
        }
        &'cpor;help;db'= {
            cand migrate 'Create or upgrade the cpor schema (and on PostgreSQL the two incentive roles).'
            cand grant 'Give a PostgreSQL login the Incentives user or admin role (replacing the other one).'
            cand revoke 'Take both incentive roles from a PostgreSQL login.'
            cand roles 'List the logins holding an incentive role.'
        }
        &'cpor;help;db;migrate'= {
        }
        &'cpor;help;db;grant'= {
        }
        &'cpor;help;db;revoke'= {
        }
        &'cpor;help;db;roles'= {
        }
        &'cpor;help;help'= {
        }
    ]
    $completions[$command]
}
