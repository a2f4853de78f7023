/* gen.c - write a synthetic story bank for the benchmarks.
 *
 *   gen N DIR [SEED]
 *
 * Writes N stories as DIR/<id>.yaml in lpcoach's story format: a title,
 * one to three principles (every one of the 16 is used once N >= 16), tags,
 * the STAR sections as literal block scalars, a Learned section in about
 * half, and created/updated dates. The text is a data engineer's work
 * (pipelines, warehouses, backfills, on-call) put together from the
 * templates and word lists below, 250 to 450 words a story, with numbers,
 * hedges, filler, 'we' and 'I', passive voice and the other habits the
 * shipped lint rules look for, in varying amounts, so lint has realistic
 * work to do. About one file in 200 is malformed on purpose (an unclosed
 * quote, a tab in the indentation, a list as the title) so the loader's
 * error path is exercised too.
 *
 * Output depends only on N and SEED (default 1): the generator uses its own
 * PRNG (splitmix64) seeded per story, never libc's rand(), so the same
 * arguments always give the same bytes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- PRNG ---------------------------------------------------------------- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return n ? (unsigned)(rng_next(r) % n) : 0;
}

/* Uniform in [lo, hi]. */
static unsigned rng_range(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

#define PICK(r, a) ((a)[rng_below((r), (unsigned)NELEM(a))])

/* ---- a small string builder --------------------------------------------- */

struct sb {
	char *s;
	size_t len, cap;
};

static void sb_grow(struct sb *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	char *p = realloc(b->s, cap);
	if (!p) {
		fprintf(stderr, "gen: out of memory\n");
		exit(2);
	}
	b->s = p;
	b->cap = cap;
}

static void sb_addn(struct sb *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_add(struct sb *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

static void sb_addc(struct sb *b, char c)
{
	sb_addn(b, &c, 1);
}

static void sb_addf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_addf(struct sb *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_addn(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static void sb_reset(struct sb *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* ---- word lists ------------------------------------------------------------ */

static const char *const principle_ids[16] = {
	"customer-obsession",
	"ownership",
	"invent-and-simplify",
	"are-right-a-lot",
	"learn-and-be-curious",
	"hire-and-develop-the-best",
	"insist-on-the-highest-standards",
	"think-big",
	"bias-for-action",
	"frugality",
	"earn-trust",
	"dive-deep",
	"have-backbone-disagree-and-commit",
	"deliver-results",
	"strive-to-be-earths-best-employer",
	"success-and-scale-bring-broad-responsibility",
};

/* Data engineers tell more stories of these (the focus principles). */
static const unsigned principle_weight[16] = { 2, 4, 2, 1, 3, 1, 3, 1, 3, 2, 2, 4, 1, 2, 1, 1 };

static const char *const companies[] = {
	"Northwind Freight", "Kestrel Pay", "Lumen Retail", "Brightwell Health",
	"Cobalt Logistics", "Tessellate Games", "Harbor Bank", "Juniper Insurance",
	"Quayside Travel", "Marlow Media", "Fernhill Energy", "Ostrava Telecom",
	"Pinecrest Foods", "Halcyon Ads", "Vantage Ride", "Sable Marketplace",
};

static const char *const own_teams[] = {
	"ingestion team", "warehouse team", "data platform team",
	"analytics engineering team", "streaming team", "data reliability team",
};

static const char *const systems[] = {
	"orders pipeline", "clickstream ingestion job", "billing export",
	"inventory snapshot load", "sessions model", "CDC feed from Postgres",
	"marketing attribution model", "payments reconciliation job",
	"search events stream", "fraud features table", "nightly warehouse load",
	"ad spend import", "customer profile table", "shipment tracking feed",
	"subscription churn model", "pricing history load", "app telemetry pipeline",
	"finance close extract", "recommendations feature store", "support tickets sync",
};

static const char *const tools[] = {
	"Airflow", "dbt", "Spark", "Kafka", "Flink", "Snowflake", "BigQuery",
	"Redshift", "Trino", "Iceberg", "Delta Lake", "Dagster", "Debezium",
	"Great Expectations", "Terraform", "Looker", "Kubernetes", "Postgres",
};

static const char *const teams[] = {
	"finance", "the analytics team", "the marketing analysts", "the pricing team",
	"data science", "the fraud team", "customer support", "the growth squad",
	"the leadership team", "the platform team", "the product managers",
	"the revenue operations team", "the logistics planners",
};

static const char *const people[] = {
	"Priya", "Marcus", "Ana", "Kenji", "Fatima", "Tomás", "Léa", "Oluwaseun",
	"Mei", "Jonas", "Sofia", "Ravi", "Chloé", "Daniel", "Aisha", "Björn",
	"Gabriel", "Noor", "Hannah", "Diego", "Yuki", "Amara", "Piotr", "Zoë",
};

static const char *const problems[] = {
	"late-arriving partitions", "duplicate events from a retrying producer",
	"a skewed join on the customer key", "schema drift in the source table",
	"a timezone bug in the event timestamps", "a silent null in the join key",
	"an unbounded backfill", "consumer lag on the main topic",
	"a full table scan on every run", "millions of small files",
	"a renamed column upstream", "an expired service credential",
	"memory pressure on the executors", "a race between two scheduled loads",
	"a currency conversion applied twice", "a dropped partition filter",
	"an off-by-one in the incremental window", "a stale lookup table",
};

static const char *const tables[] = {
	"fct_orders", "dim_customers", "stg_events", "raw_clicks", "fct_sessions",
	"fct_payments", "dim_products", "agg_daily_revenue", "stg_shipments",
	"fct_ad_spend", "dim_accounts", "fct_subscriptions", "int_refunds",
};

static const char *const tag_words[] = {
	"airflow", "dbt", "spark", "kafka", "snowflake", "bigquery", "backfill",
	"on-call", "incident", "data-quality", "cost", "migration", "streaming",
	"warehouse", "postmortem", "mentoring", "performance", "testing",
	"privacy", "stakeholders", "schema", "cdc", "automation", "reliability",
};

static const char *const weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
};

static const char *const number_words[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve",
};

static const char *const big_counts[] = {
	"1.2 billion", "340 million", "85 million", "12 million", "2.4 billion",
	"600,000", "4.8 million", "150 million", "27,000", "9 million",
};

static const char *const clock_times[] = {
	"2:40 am", "3:15 am", "4:05 am", "11:50 pm", "6:30 am", "1:20 am",
	"5:45 am", "10:10 pm",
};

/* Hedges and filler inside a sentence, and at its start. */
static const char *const inner_hedges[] = {
	"kind of ", "sort of ", "basically ", "really ", "just ", "pretty much ",
	"somewhat ", "probably ", "actually ", "more or less ",
};

static const char *const hedge_openers[] = {
	"I think ", "Honestly, ", "Basically, ", "To be honest, ", "I guess ",
	"Probably ", "Maybe ", "I believe ", "Actually, ", "Obviously ",
};

/* ---- templates ------------------------------------------------------------
 *
 * Slots: {co} company, {tteam} own team, {sys} {sys2} systems, {tool}
 * {tool2} tools, {team} {team2} teams that use the data, {person}
 * {person2} people, {prob} the problem, {tbl} a table, {n} {n2} small
 * numbers, {nw} {nw2} number words, {n3} a larger number, {small} a small
 * percentage, {pct} a percentage, {big} a row count, {hrs} hours, {mins}
 * minutes, {money} dollars, {day} weekday, {month}, {clock}, {clock2},
 * {I} 'I' or 'we', {my} 'my' or 'our', {me} 'me' or 'us', {h} an optional
 * hedge. The first letter of a sentence is capitalized after expansion.
 */

static const char *const title_tpl[] = {
	"Tracing {prob} in the {sys}",
	"Cutting the {sys} runtime from {hrs} hours to {mins} minutes",
	"Moving the {sys} from cron to {tool}",
	"Owning a backfill of {big} rows in {tbl}",
	"Getting {team} their numbers before nine",
	"Pushing back on skipping validation for the {sys}",
	"Mentoring {person2} through a first on-call week",
	"Reconciling {tbl} with the finance ledger",
	"Halving the warehouse bill of the {sys}",
	"Learning {tool} to fix a pipeline nobody understood",
	"Masking personal data in {tbl}",
	"Shipping a workaround for {prob} overnight",
	"Rebuilding trust in {tbl} after two bad months",
	"Replacing {n} scripts with one {tool} job",
	"Contract tests between the producers and the {sys}",
	"A freshness alert for the {sys} that nobody owned",
	"Deciding between {tool} and {tool2} for the {sys}",
	"Delivering the {sys} migration before the quarter close",
	"Stopping {prob} from reaching the dashboards",
	"Rotating on-call so the {tteam} could rest",
	"An ingestion framework for every team at {co}",
	"Finding why {tbl} lost {small}% of its rows",
};

static const char *const title_long_tpl[] = {
	"The time when I had to deal with the {sys} and all of the problems that came with it during the migration",
	"How we kind of fixed the {sys} and made things better for {team} and everybody else in the company",
};

static const char *const sit_clean[] = {
	"At {co} I was a data engineer on the {tteam}, and the {sys} fed {team} every morning.",
	"The {sys} loaded about {big} rows a day from {tool} into the warehouse, and {team} built their daily numbers on it.",
	"In {month}, {team} reported that {tbl} was {n} hours late on most mornings.",
	"The job had grown from {n} sources to {n3} in a year, and nobody had changed how it was scheduled.",
	"{person} from {team} messaged me on a {day} because the dashboard totals did not match the numbers in {tool}.",
	"A week before the quarter close, the {sys} started failing about once every {nw} runs with {prob}.",
	"{my} warehouse bill had gone up {pct}% in three months, and most of it came from the {sys}.",
	"The {sys} had been written years earlier as a set of cron scripts, and only one person still understood it.",
	"I was on call that week when the {sys} paged at {clock} with {prob}.",
	"The team was moving the {sys} from {tool2} to {tool}, and the cutover date was already set.",
	"{my} group had {nw} data engineers supporting more than {n3} analysts, so most requests waited weeks in a queue.",
	"Analysts had stopped trusting {tbl} after {prob} hit them twice in one month.",
	"The {sys} ran on a single large cluster that sat idle for most of the day.",
	"{team} used {tbl} to set prices every morning, so a late or wrong load cost real money.",
};

static const char *const sit_flaw[] = {
	"So the {sys} {h}had a lot of issues, and people {h}knew about it, but nobody really wanted to touch it because it was sort of everyone's problem and also nobody's problem at the same time, which honestly made things hard for the whole team and for {team} as well.",
	"In general {my} pipelines were not in a great state and there were a lot of things going on at the time.",
	"The company was growing very fast and there were many priorities, a lot of legacy systems and not much documentation.",
	"Mistakes were made in the original design of the {sys}, and they had been there for a long time.",
	"It was a very busy quarter and everyone was kind of stretched thin.",
};

static const char *const task_clean[] = {
	"My job was to get {tbl} ready before {team} started their day at nine.",
	"I had to find the cause and fix it before the month-end close on {day}.",
	"The ticket was assigned to me, and I wanted to fix the cause rather than rerun the job again.",
	"I owned the migration plan and the cutover for the {sys}.",
	"It was not strictly my pipeline, but I was the one on call and I decided to see it through.",
	"My goal was to cut the cost of the {sys} by at least {pct}% without slowing it down.",
	"I needed to convince {person} and the {tteam} that the change was worth the risk.",
	"I set myself a target of zero mismatches between the warehouse and {tool} for {nw} days in a row.",
	"I had {nw} weeks to deliver the new tables, with the old ones still running beside them.",
	"My part was the design of the new load and the plan to switch the readers over.",
};

static const char *const task_flaw[] = {
	"The team needed the pipeline to be more reliable.",
	"We were supposed to make it better somehow.",
	"I was responsible for the {sys} and for keeping it healthy.",
	"I think I was supposed to help with the fix.",
	"The goal was to improve things for {team}.",
};

static const char *const act_clean[] = {
	"{I} started by querying the raw events for the last {n} days and comparing the counts with {tbl} hour by hour.",
	"The gap was not random: it appeared only on partitions that landed after the load had already started.",
	"{I} traced it to {prob}, which had come in with a release {nw} weeks earlier.",
	"{I} wrote a small script that diffed the two tables by primary key and printed the first hundred mismatches.",
	"{I} profiled the slowest stage in {tool} and found that one key held {pct}% of the rows.",
	"{I} salted that key and rewrote the join so the work spread across all executors.",
	"Before changing anything in production, {I} reproduced the failure on a copy of {nw} days of data.",
	"{I} added a test in {tool2} that fails when the row counts drift by more than {small}%.",
	"{I} put the change behind a flag so {I} could roll it back in minutes if the numbers looked wrong.",
	"{I} wrote a one-page proposal with the current cost, the expected cost and the risks, and shared it with {person}.",
	"{person} disagreed at first, because the {tteam} had already planned the quarter, so {I} showed them the {n} incidents from the last two months.",
	"{I} ran the old and new versions side by side for a week and compared every daily total.",
	"{I} paired with {person2} for two afternoons so that someone else could run the job without {me}.",
	"{I} documented the steps in the runbook and added an alert on the freshness of {tbl}.",
	"{I} moved the schedule from cron to {tool} and made each task idempotent so reruns were safe.",
	"{I} split the backfill into {n3} daily chunks and ran them overnight with a cap on concurrency.",
	"When one chunk failed on a malformed record, {I} quarantined the bad rows instead of stopping the whole run.",
	"{I} rewrote the incremental model so it only scanned partitions changed since the last run.",
	"{I} checked the query plans and replaced {nw} full table scans with partition filters.",
	"{I} asked {team} which fields they used, and dropped {n} columns nobody had read in a year.",
	"{I} set up a contract test between the producer schema and {my} staging model, so a renamed field would fail in CI.",
	"{I} reviewed the code with {person2}, and we agreed on a naming standard for the new tables.",
	"{I} reconciled the totals with the finance ledger to the cent for {nw} months of history.",
	"Each morning {I} posted a short status in the channel with what had been fixed and what was still open.",
	"{I} estimated the rewrite at {nw} weeks, so {I} cut the scope to the {n} tables with the most readers.",
	"{I} read the source of the {tool} writer to understand why it produced so many small files.",
	"{I} compacted the files into 512 MB chunks and scheduled the compaction after every load.",
	"{I} built a dashboard that showed freshness and row counts for each source, so problems showed up before anyone asked.",
	"{I} replayed the topic from the last good offset and verified the counts against the source database.",
	"{I} wrote a migration guide and held two sessions for the {n3} analysts who used the old tables.",
	"{I} sampled {n3} rows by hand and checked each one against the raw file in the bucket.",
	"The first fix made the job {small}% faster, which was not enough, so {I} looked at the shuffle next.",
	"{I} measured the cluster for a week and found it busy only {small} hours a day.",
	"{I} moved the job to an autoscaling pool with a maximum of {n} workers.",
	"{I} wrote down the two options, the cost of each and what would make {me} change my mind.",
};

static const char *const act_flaw[] = {
	"We {h}rewrote the job and it was {h}fine after that.",
	"The job was rewritten and the alerts were added over the weekend.",
	"{I} leveraged {tool} to spearhead a new approach for the whole pipeline.",
	"I usually start by looking at the logs, so that is what I did here too.",
	"I worked closely with the stakeholders to align on the plan.",
	"I helped with the migration and was involved in the testing.",
	"Then we looked at the code and we changed some configs, and our team tested it and we deployed it.",
	"We checked the dashboards, we restarted the cluster and we waited for the next run.",
	"Then I opened the logs and the dashboards and the ticket history and the schema history of the table and the lineage graph and the notes from the last incident review and the alert history and the cost report and compared all of it with the raw files in the bucket one by one until something stood out.",
	"Maybe it was the join, so we tried a few things and one of them {h}worked.",
	"The data was validated and the fix was deployed on {day}.",
	"We utilized {tool2} and some best-in-class patterns to move the needle on reliability.",
	"I tried to get everyone on the same page and I communicated effectively with the other teams.",
	"A new index was built and the old tables were dropped by the platform team.",
	"I generally like to be thorough, so I looked at everything I could think of.",
	"We basically just kept going until it was done.",
};

/* One or two sentences that show each principle (in principle_ids order). */
static const char *const act_principle[16][2] = {
	{ "{I} sat with {person} from {team} for an hour to see how they used the report, and found they exported it to a spreadsheet every morning.",
	  "{I} read the last {n3} support tickets about the data and grouped them by what the customer had been trying to do." },
	{ "Although the pipeline belonged to another team, {I} took it on because their on-call was already overloaded.",
	  "{I} wrote the postmortem and added monitoring so the same failure would page within ten minutes." },
	{ "{I} replaced the {n} scripts with one parameterized {tool} job, which removed about {n3}00 lines of code.",
	  "{I} simplified the model to three steps and removed the manual export entirely." },
	{ "{I} listed the two hypotheses, decided which data would tell them apart, and checked the assumption against a week of logs.",
	  "The evidence pointed to the scheduler rather than the code, so {I} changed my first judgment." },
	{ "{I} had never used {tool} before, so {I} spent two evenings on its documentation and experimented on a sample dataset.",
	  "I was curious why the planner chose a broadcast join, so I read the optimizer notes and tried both plans." },
	{ "{I} mentored {person2}, a new hire, through the change and gave them the second half of the work to lead.",
	  "{I} wrote interview questions for the next data engineer hire based on what this incident had needed." },
	{ "{I} set the acceptance bar at zero differences against the old output and would not ship until the tests passed.",
	  "{I} added data quality checks on uniqueness, nulls and freshness to every model the {sys} produced." },
	{ "{I} proposed turning the fix into a shared ingestion framework that every team could use, and sketched a two-quarter roadmap.",
	  "Instead of patching one job, {I} designed the change so the next {n3} sources could be added by configuration." },
	{ "It was a two-way door, so {I} decided to ship the workaround that night and keep a rollback ready.",
	  "{I} had about {n} hours before the morning reports, so {I} chose the quick reversible fix first and the clean one later." },
	{ "Instead of buying a new tool, {I} reused the existing cluster and cut the cost by moving the job to spot instances.",
	  "{I} found that {pct}% of the budget went to tables nobody queried, and turned them off after asking their owners." },
	{ "{I} told {team} plainly that the numbers had been wrong, admitted my mistake, and shared the corrected figures.",
	  "{I} listened to {person}'s concerns before proposing anything and kept them updated every day." },
	{ "{I} queried the logs for every failed run and traced the root cause to {prob}.",
	  "{I} reconciled the counts table by table until the discrepancy narrowed to a single source." },
	{ "{I} pushed back on the plan to skip the validation step, explained the risk in writing, and then committed to the date once we agreed.",
	  "{I} disagreed with {person} about dropping the old tables early, escalated it once with data, and then committed to the decision." },
	{ "{I} broke the work into weekly milestones and delivered the last one two days before the deadline.",
	  "When the vendor API slowed down, {I} changed the plan to keep the launch on time and moved the nice-to-haves to later." },
	{ "{I} noticed that {person2} was close to burnout from the pages, so {I} changed the rotation and took two of their shifts.",
	  "{I} set up a weekly hour where the newer engineers could bring questions, which helped their growth and onboarding." },
	{ "{I} found that the table exposed personal data to every analyst, so {I} masked the PII columns and documented the compliance review.",
	  "{I} measured the energy and cost of the nightly full reload and replaced it with an incremental one." },
};

static const char *const res_clean[] = {
	"The load now finishes at {clock2}, and {team} has had their numbers before nine every day since.",
	"Runtime went from {hrs} hours to {mins} minutes, and the monthly cost of the job fell by {pct}%.",
	"The gap fell from {small}% to zero within two days of the fix.",
	"Failed runs dropped from {n} a month to one in the following quarter.",
	"The warehouse bill for the {sys} went down by about ${money} a month compared with the previous quarter.",
	"Over the next six months the contract test caught {nw} breaking changes before they reached production.",
	"{team} retired {n} spreadsheets that had been kept up by hand.",
	"Pages for the {sys} went from {n} a week to fewer than one.",
	"{person2} ran the next backfill alone, and onboarding for the next hire took {nw} days instead of {n3}.",
	"The backfill of {big} rows finished in {n} hours instead of the {nw} days the first estimate had predicted.",
	"The same pattern was reused by {nw} other teams within a year.",
	"Freshness alerts now fire {mins} minutes after a late source instead of when an analyst notices.",
	"Mismatches against the ledger went from {n3} a week to none for {nw} months in a row.",
	"Query costs on {tbl} are down {pct}% versus the old model.",
};

static const char *const res_flaw[] = {
	"It was a success and everyone was happy with it.",
	"I think it was better after that, maybe fewer problems.",
	"The team was very happy with the outcome and it made a big difference.",
	"We delivered the project and the migration was completed.",
	"Latency went from 45 s to 12 s, cost from 3400 to 2100, errors from 57 to 3, rows from 1.2 to 1.5 billion, and freshness from 6 h to 40 min.",
	"Things got better and the pipeline worked well.",
	"It had a huge impact on the business.",
	"We shipped it on time.",
};

static const char *const learned_clean[] = {
	"I now add a completeness check to every partitioned load I write.",
	"I learned to test a change on the data most likely to break it, not the most convenient sample.",
	"Since then I compare a backfill with the previous version before I publish it.",
	"Reporting a problem early, with my name on it, cost less trust than the problem itself.",
	"I learned that most of the cost sat in a few jobs, and I now look at the bill before tuning anything.",
	"A runbook that someone else has followed once is worth more than one I wrote alone.",
	"I went on to use the same contract tests on the next {n} sources.",
	"I now write down what would change my mind before a decision, which made the next debate shorter.",
	"Next time I would bring {team} in on the first day instead of the last.",
	"I learned to ask the readers of a table what they need before I optimize it.",
};

static const char *const learned_flaw[] = {
	"Test more.",
	"Be careful.",
	"Communication is important.",
	"I learned a lot from it.",
};

/* ---- one story -------------------------------------------------------------- */

struct ctx {
	struct rng r;
	const char *co, *tteam, *sys, *sys2, *tool, *tool2, *team, *team2;
	const char *person, *person2, *prob, *tbl;
	double we;    /* chance that a subject pronoun is 'we' */
	double hedge; /* chance of a hedge per sentence */
	double flaw;  /* chance of a flawed sentence */
};

/* Expand one template into out (appended). */
static void expand(struct ctx *c, const char *t, struct sb *out)
{
	struct rng *r = &c->r;
	size_t start = out->len;
	while (*t) {
		if (*t != '{') {
			const char *brace = strchr(t, '{');
			size_t n = brace ? (size_t)(brace - t) : strlen(t);
			sb_addn(out, t, n);
			t += n;
			continue;
		}
		const char *end = strchr(t, '}');
		if (!end) {
			sb_add(out, t);
			break;
		}
		char name[16];
		size_t n = (size_t)(end - t - 1);
		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, t + 1, n);
		name[n] = '\0';
		t = end + 1;

		if (!strcmp(name, "co"))
			sb_add(out, c->co);
		else if (!strcmp(name, "tteam"))
			sb_add(out, c->tteam);
		else if (!strcmp(name, "sys"))
			sb_add(out, c->sys);
		else if (!strcmp(name, "sys2"))
			sb_add(out, c->sys2);
		else if (!strcmp(name, "tool"))
			sb_add(out, c->tool);
		else if (!strcmp(name, "tool2"))
			sb_add(out, c->tool2);
		else if (!strcmp(name, "team"))
			sb_add(out, c->team);
		else if (!strcmp(name, "team2"))
			sb_add(out, c->team2);
		else if (!strcmp(name, "person"))
			sb_add(out, c->person);
		else if (!strcmp(name, "person2"))
			sb_add(out, c->person2);
		else if (!strcmp(name, "prob"))
			sb_add(out, c->prob);
		else if (!strcmp(name, "tbl"))
			sb_add(out, c->tbl);
		else if (!strcmp(name, "n") || !strcmp(name, "n2"))
			sb_addf(out, "%u", rng_range(r, 2, 12));
		else if (!strcmp(name, "n3"))
			sb_addf(out, "%u", rng_range(r, 14, 90));
		else if (!strcmp(name, "nw") || !strcmp(name, "nw2"))
			sb_add(out, PICK(r, number_words));
		else if (!strcmp(name, "small"))
			sb_addf(out, "%u", rng_range(r, 1, 9));
		else if (!strcmp(name, "pct"))
			sb_addf(out, "%u", rng_range(r, 12, 85));
		else if (!strcmp(name, "big"))
			sb_add(out, PICK(r, big_counts));
		else if (!strcmp(name, "hrs"))
			sb_addf(out, "%u", rng_range(r, 2, 9));
		else if (!strcmp(name, "mins"))
			sb_addf(out, "%u", rng_range(r, 10, 55));
		else if (!strcmp(name, "money"))
			sb_addf(out, "%u,%03u", rng_range(r, 1, 40), rng_below(r, 10) * 100);
		else if (!strcmp(name, "day"))
			sb_add(out, PICK(r, weekdays));
		else if (!strcmp(name, "month"))
			sb_add(out, PICK(r, months));
		else if (!strcmp(name, "clock"))
			sb_add(out, PICK(r, clock_times));
		else if (!strcmp(name, "clock2"))
			sb_addf(out, "%u:%02u am", rng_range(r, 4, 7), rng_below(r, 12) * 5);
		else if (!strcmp(name, "I"))
			sb_add(out, rng_chance(r, c->we) ? "we" : "I");
		else if (!strcmp(name, "my"))
			sb_add(out, rng_chance(r, c->we) ? "our" : "my");
		else if (!strcmp(name, "me"))
			sb_add(out, rng_chance(r, c->we) ? "us" : "me");
		else if (!strcmp(name, "h")) {
			if (rng_chance(r, 0.3 + c->hedge))
				sb_add(out, PICK(r, inner_hedges));
		} else {
			fprintf(stderr, "gen: unknown slot {%s}\n", name);
			exit(2);
		}
	}
	if (out->len > start && out->s[start] >= 'a' && out->s[start] <= 'z')
		out->s[start] = (char)(out->s[start] - 'a' + 'A');
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; *s; s++) {
		int sp = *s == ' ' || *s == '\n' || *s == '\t';
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* Words that may lose their capital after a hedge opener. */
static int lowerable(const char *s)
{
	static const char *const w[] = { "The ", "We ", "Our ", "It ", "Each ", "When ", "Before ",
					 "Then ", "This ", "That ", "Runtime ", "Failed ", "Pages ",
					 "Over ", "Mismatches ", "Query ", "Freshness ", "Analysts ",
					 "A ", "In " };
	for (size_t i = 0; i < NELEM(w); i++)
		if (!strncmp(s, w[i], strlen(w[i])))
			return 1;
	return 0;
}

/* One sentence from a template, maybe with a hedge in front. */
static void sentence(struct ctx *c, const char *tpl, struct sb *out)
{
	struct sb s = { 0 };
	expand(c, tpl, &s);
	if (rng_chance(&c->r, c->hedge)) {
		const char *op = PICK(&c->r, hedge_openers);
		if (!strncmp(s.s, "I ", 2)) {
			sb_add(out, op);
			sb_add(out, s.s);
			free(s.s);
			return;
		}
		if (lowerable(s.s)) {
			s.s[0] = (char)(s.s[0] - 'A' + 'a');
			sb_add(out, op);
			sb_add(out, s.s);
			free(s.s);
			return;
		}
	}
	sb_add(out, s.s);
	free(s.s);
}

/* A shuffled deck of template indices, dealt without repeats until empty. */
struct deck {
	unsigned idx[64];
	unsigned n, next;
};

static void deck_init(struct deck *d, struct rng *r, unsigned n)
{
	d->n = n < 64 ? n : 64;
	d->next = 0;
	for (unsigned i = 0; i < d->n; i++)
		d->idx[i] = i;
	for (unsigned i = d->n; i > 1; i--) {
		unsigned j = rng_below(r, i);
		unsigned t = d->idx[i - 1];
		d->idx[i - 1] = d->idx[j];
		d->idx[j] = t;
	}
}

static unsigned deck_deal(struct deck *d, struct rng *r)
{
	if (d->next >= d->n)
		deck_init(d, r, d->n);
	return d->idx[d->next++];
}

struct pool {
	const char *const *clean;
	unsigned n_clean;
	const char *const *flaw;
	unsigned n_flaw;
};

/* Sentences of a section until it has at least target words. extra are
 * sentences that must appear (the principle's), placed among the others.
 * Paragraphs are separated by "\n\n"; one paragraph per line. */
static void section(struct ctx *c, const struct pool *p, const char *const *extra, size_t n_extra,
		    size_t target, int paragraphs, struct sb *out)
{
	struct deck dc, df;
	deck_init(&dc, &c->r, p->n_clean);
	deck_init(&df, &c->r, p->n_flaw);
	size_t words = 0, in_para = 0, next_extra = 0;
	unsigned para_len = rng_range(&c->r, 3, 6);
	sb_reset(out);
	while (words < target || next_extra < n_extra) {
		struct sb s = { 0 };
		if (next_extra < n_extra && (rng_chance(&c->r, 0.35) || words + 25 >= target))
			sentence(c, extra[next_extra++], &s);
		else if (p->n_flaw && rng_chance(&c->r, c->flaw))
			sentence(c, p->flaw[deck_deal(&df, &c->r)], &s);
		else
			sentence(c, p->clean[deck_deal(&dc, &c->r)], &s);
		if (out->len) {
			if (paragraphs && in_para >= para_len) {
				sb_add(out, "\n\n");
				in_para = 0;
				para_len = rng_range(&c->r, 3, 6);
			} else {
				sb_addc(out, ' ');
			}
		}
		sb_add(out, s.s);
		words += count_words(s.s);
		in_para++;
		free(s.s);
	}
}

/* Write text as the body of a literal block scalar indented by two spaces,
 * wrapped at width columns (0: one paragraph per line). bad_tab puts a tab
 * in place of the indentation of the first line (malformed on purpose). */
static void emit_block(struct sb *y, const char *key, const char *text, unsigned width, int bad_tab)
{
	sb_addf(y, "%s: |\n", key);
	const char *p = text;
	int first = 1;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t plen = nl ? (size_t)(nl - p) : strlen(p);
		if (plen == 0) {
			sb_addc(y, '\n'); /* blank line between paragraphs */
		} else {
			size_t off = 0;
			while (off < plen) {
				size_t take = plen - off;
				if (width && take > width) {
					/* break at the last space within width */
					size_t k = width;
					while (k > 0 && p[off + k] != ' ')
						k--;
					if (k == 0) {
						k = width;
						while (off + k < plen && p[off + k] != ' ')
							k++;
					}
					take = k;
				}
				sb_add(y, first && bad_tab ? "\t" : "  ");
				first = 0;
				sb_addn(y, p + off, take);
				sb_addc(y, '\n');
				off += take;
				while (off < plen && p[off] == ' ')
					off++;
			}
		}
		p += plen;
		if (*p == '\n')
			p++;
	}
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil(long z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned long doe = (unsigned long)(z - era * 146097);
	unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = (long)yoe + era * 400;
	unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned long mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* A slug of the title for the file name: lowercase ASCII, digits, hyphens. */
static void slugify(const char *title, char *out, size_t cap)
{
	size_t n = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)title; *p && n + 1 < cap; p++) {
		unsigned char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (dash && n)
				out[n++] = '-';
			dash = 0;
			if (n + 1 < cap)
				out[n++] = (char)ch;
		} else {
			dash = 1;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

enum malformed { MAL_NONE, MAL_QUOTE, MAL_TAB, MAL_LIST_TITLE };

/* Build story i as YAML into y; its file id into id. */
static void make_story(uint64_t seed, size_t i, enum malformed mal, struct sb *y, char *id, size_t idcap)
{
	struct ctx c;
	c.r.s = seed ^ (0xd1b54a32d192ed03ULL * (uint64_t)(i + 1));
	rng_next(&c.r);
	struct rng *r = &c.r;

	c.co = PICK(r, companies);
	c.tteam = PICK(r, own_teams);
	c.sys = PICK(r, systems);
	do
		c.sys2 = PICK(r, systems);
	while (c.sys2 == c.sys);
	c.tool = PICK(r, tools);
	do
		c.tool2 = PICK(r, tools);
	while (c.tool2 == c.tool);
	c.team = PICK(r, teams);
	c.team2 = PICK(r, teams);
	c.person = PICK(r, people);
	do
		c.person2 = PICK(r, people);
	while (c.person2 == c.person);
	c.prob = PICK(r, problems);
	c.tbl = PICK(r, tables);

	/* How polished the story is: a third are clean, a third middling, a
	 * third rough drafts. */
	unsigned polish = rng_below(r, 3);
	static const double we_lo[3] = { 0.0, 0.1, 0.3 }, we_hi[3] = { 0.1, 0.35, 0.7 };
	static const double hedge_lo[3] = { 0.0, 0.04, 0.12 }, hedge_hi[3] = { 0.03, 0.12, 0.3 };
	static const double flaw_lo[3] = { 0.0, 0.08, 0.25 }, flaw_hi[3] = { 0.05, 0.25, 0.5 };
	c.we = we_lo[polish] + (we_hi[polish] - we_lo[polish]) * rng_unit(r);
	c.hedge = hedge_lo[polish] + (hedge_hi[polish] - hedge_lo[polish]) * rng_unit(r);
	c.flaw = flaw_lo[polish] + (flaw_hi[polish] - flaw_lo[polish]) * rng_unit(r);

	/* Principles: the first 16 stories take one each so all are used. */
	unsigned pr[3], npr;
	if (i < 16) {
		pr[0] = (unsigned)i;
	} else {
		unsigned tot = 0, k = 0;
		for (unsigned j = 0; j < 16; j++)
			tot += principle_weight[j];
		unsigned x = rng_below(r, tot);
		while (x >= principle_weight[k])
			x -= principle_weight[k++];
		pr[0] = k;
	}
	unsigned roll = rng_below(r, 100);
	npr = roll < 45 ? 1 : roll < 85 ? 2 : 3;
	for (unsigned j = 1; j < npr; j++) {
		unsigned cand;
		int dup;
		do {
			cand = rng_below(r, 16);
			dup = 0;
			for (unsigned k = 0; k < j; k++)
				dup |= pr[k] == cand;
		} while (dup);
		pr[j] = cand;
	}

	/* Title. */
	struct sb title = { 0 };
	if (rng_chance(r, 0.04))
		expand(&c, PICK(r, title_long_tpl), &title);
	else
		expand(&c, PICK(r, title_tpl), &title);

	char slug[64];
	slugify(title.s, slug, 42);
	snprintf(id, idcap, "%s-%05zu", slug, i);

	/* Lengths: 250 to 450 words, shared out between the sections. */
	size_t total = rng_range(r, 250, 450);
	int has_learned = rng_chance(r, 0.5);
	double s_sit = 0.12 + 0.10 * rng_unit(r);
	if (rng_chance(r, 0.08))
		s_sit = 0.32; /* a long setup */
	double s_task = 0.06 + 0.06 * rng_unit(r);
	double s_res = 0.12 + 0.08 * rng_unit(r);
	double s_learn = has_learned ? 0.06 + 0.08 * rng_unit(r) : 0.0;
	double s_act = 1.0 - s_sit - s_task - s_res - s_learn;
	/* Sentences run 10 to 30 words and the last one overshoots: aim low. */
	size_t slack = 8;
	size_t w_sit = (size_t)(total * s_sit) > slack ? (size_t)(total * s_sit) - slack : 1;
	size_t w_task = (size_t)(total * s_task) > slack ? (size_t)(total * s_task) - slack : 1;
	size_t w_res = (size_t)(total * s_res) > slack ? (size_t)(total * s_res) - slack : 1;
	size_t w_learn = (size_t)(total * s_learn) > slack ? (size_t)(total * s_learn) - slack : 1;
	size_t w_act = (size_t)(total * s_act) > 2 * slack ? (size_t)(total * s_act) - 2 * slack : 1;

	/* A draft leaves a section out now and then. */
	int drop = rng_chance(r, 0.03) ? (int)rng_range(r, 1, 3) : 0; /* 1 task, 2 result, 3 situation */

	const struct pool p_sit = { sit_clean, NELEM(sit_clean), sit_flaw, NELEM(sit_flaw) };
	const struct pool p_task = { task_clean, NELEM(task_clean), task_flaw, NELEM(task_flaw) };
	const struct pool p_act = { act_clean, NELEM(act_clean), act_flaw, NELEM(act_flaw) };
	const struct pool p_res = { res_clean, NELEM(res_clean), res_flaw, NELEM(res_flaw) };
	const struct pool p_learn = { learned_clean, NELEM(learned_clean), learned_flaw, NELEM(learned_flaw) };

	const char *extra[6];
	size_t n_extra = 0;
	for (unsigned j = 0; j < npr; j++) {
		extra[n_extra++] = act_principle[pr[j]][rng_below(r, 2)];
		if (j == 0 && rng_chance(r, 0.5))
			extra[n_extra++] = act_principle[pr[j]][extra[0] == act_principle[pr[j]][0]];
	}

	unsigned width = rng_chance(r, 0.7) ? rng_range(r, 68, 80) : 0;
	int paragraphs = rng_chance(r, 0.5);

	struct sb sit = { 0 }, task = { 0 }, act = { 0 }, res = { 0 }, learn = { 0 };
	section(&c, &p_sit, NULL, 0, w_sit, 0, &sit);
	section(&c, &p_task, NULL, 0, w_task, 0, &task);
	section(&c, &p_act, extra, n_extra, w_act, paragraphs, &act);
	section(&c, &p_res, NULL, 0, w_res, 0, &res);
	if (has_learned) {
		if (rng_chance(r, 0.1))
			sb_add(&learn, PICK(r, learned_flaw));
		else
			section(&c, &p_learn, NULL, 0, w_learn, 0, &learn);
	}

	/* YAML. */
	sb_reset(y);
	if (mal == MAL_QUOTE)
		sb_addf(y, "title: \"%s\n", title.s);
	else if (mal == MAL_LIST_TITLE)
		sb_addf(y, "title: [%s, draft]\n", title.s);
	else
		sb_addf(y, "title: %s\n", title.s);
	if (rng_chance(r, 0.8)) {
		sb_add(y, "principles: [");
		for (unsigned j = 0; j < npr; j++)
			sb_addf(y, "%s%s", j ? ", " : "", principle_ids[pr[j]]);
		sb_add(y, "]\n");
	} else {
		sb_add(y, "principles:\n");
		for (unsigned j = 0; j < npr; j++)
			sb_addf(y, "  - %s\n", principle_ids[pr[j]]);
	}
	if (rng_chance(r, 0.85)) {
		unsigned nt = rng_range(r, 1, 4), t[4];
		sb_add(y, "tags: [");
		for (unsigned j = 0; j < nt; j++) {
			int dup;
			do {
				t[j] = rng_below(r, (unsigned)NELEM(tag_words));
				dup = 0;
				for (unsigned k = 0; k < j; k++)
					dup |= t[k] == t[j];
			} while (dup);
			sb_addf(y, "%s%s", j ? ", " : "", tag_words[t[j]]);
		}
		sb_add(y, "]\n");
	}
	if (drop != 3)
		emit_block(y, "situation", sit.s, width, 0);
	if (drop != 1)
		emit_block(y, "task", task.s, width, 0);
	emit_block(y, "action", act.s, width, mal == MAL_TAB);
	if (drop != 2)
		emit_block(y, "result", res.s, width, 0);
	if (has_learned)
		emit_block(y, "learned", learn.s, width, 0);

	long day0 = 19723 + (long)rng_below(r, 900); /* from 2024-01-01 */
	long day1 = day0 + (rng_chance(r, 0.3) ? 0 : (long)rng_below(r, 150));
	int yy;
	unsigned mm, dd;
	civil(day0, &yy, &mm, &dd);
	sb_addf(y, "created: %04d-%02u-%02u\n", yy, mm, dd);
	civil(day1, &yy, &mm, &dd);
	sb_addf(y, "updated: %04d-%02u-%02u\n", yy, mm, dd);

	free(title.s);
	free(sit.s);
	free(task.s);
	free(act.s);
	free(res.s);
	free(learn.s);
}

static int mkdir_p(const char *dir)
{
	char path[4096];
	size_t n = strlen(dir);
	if (n == 0 || n >= sizeof(path))
		return -1;
	memcpy(path, dir, n + 1);
	for (size_t k = 1; k <= n; k++) {
		if (path[k] == '/' || path[k] == '\0') {
			char save = path[k];
			path[k] = '\0';
			if (mkdir(path, 0755) < 0 && errno != EEXIST)
				return -1;
			path[k] = save;
		}
	}
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno)
		return -1;
	*out = (uint64_t)v;
	return 0;
}

int main(int argc, char **argv)
{
	uint64_t n, seed = 1;
	if (argc < 3 || argc > 4 || parse_u64(argv[1], &n) < 0 || n > 10000000 ||
	    (argc == 4 && parse_u64(argv[3], &seed) < 0)) {
		fprintf(stderr, "usage: gen N DIR [SEED]\n"
				"Write N synthetic stories as DIR/<id>.yaml (same seed, same bytes).\n");
		return 2;
	}
	const char *dir = argv[2];
	if (mkdir_p(dir) < 0) {
		fprintf(stderr, "gen: cannot create %s: %s\n", dir, strerror(errno));
		return 2;
	}

	struct sb y = { 0 };
	size_t bytes = 0, broken = 0;
	for (size_t i = 0; i < (size_t)n; i++) {
		/* One file in 200 is malformed, cycling through three kinds. */
		enum malformed mal = MAL_NONE;
		if (i % 200 == 117)
			mal = (enum malformed)(MAL_QUOTE + (i / 200) % 3);
		char id[96], path[4200];
		make_story(seed, i, mal, &y, id, sizeof(id));
		snprintf(path, sizeof(path), "%s/%s.yaml", dir, id);
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(y.s, 1, y.len, f) != y.len || fclose(f) != 0) {
			fprintf(stderr, "gen: cannot write %s: %s\n", path, strerror(errno));
			return 2;
		}
		bytes += y.len;
		broken += mal != MAL_NONE;
	}
	free(y.s);
	printf("gen: wrote %llu %s (%zu malformed, %zu bytes) to %s\n", (unsigned long long)n,
	       n == 1 ? "story" : "stories",
	       broken, bytes, dir);
	return 0;
}
