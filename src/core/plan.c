/* plan.c - an optimal loop plan by branch and bound over max-flow checks. */
#include "plan.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* A small flow network: source, groups, principles, sink. */
struct edge {
	size_t to;
	long cap;
	size_t rev; /* index of the reverse edge in adj[to] */
};

struct net {
	size_t n; /* nodes */
	struct edge **adj;
	size_t *deg, *cap;
	size_t src, sink;
	size_t *sink_edge; /* per principle: index of its edge to the sink in adj[p] */
	size_t base;       /* first principle node */
};

static size_t add_edge(struct net *g, size_t a, size_t b, long cap)
{
	for (int side = 0; side < 2; side++) {
		size_t u = side ? b : a;
		if (g->deg[u] == g->cap[u]) {
			g->cap[u] = g->cap[u] ? g->cap[u] * 2 : 4;
			g->adj[u] = xrealloc(g->adj[u], g->cap[u] * sizeof(**g->adj));
		}
	}
	size_t ia = g->deg[a]++, ib = g->deg[b]++;
	g->adj[a][ia] = (struct edge){ b, cap, ib };
	g->adj[b][ib] = (struct edge){ a, 0, ia };
	return ia;
}

/* Augment along shortest paths (Edmonds-Karp) until none is left or the
 * flow reaches limit. Returns the flow added. */
static long augment(struct net *g, long limit)
{
	size_t *prev_node = xmalloc(g->n * sizeof(size_t));
	size_t *prev_edge = xmalloc(g->n * sizeof(size_t));
	size_t *queue = xmalloc(g->n * sizeof(size_t));
	long total = 0;
	while (total < limit) {
		for (size_t i = 0; i < g->n; i++)
			prev_node[i] = PLAN_NONE;
		size_t head = 0, tail = 0;
		queue[tail++] = g->src;
		prev_node[g->src] = g->src;
		while (head < tail && prev_node[g->sink] == PLAN_NONE) {
			size_t u = queue[head++];
			for (size_t k = 0; k < g->deg[u]; k++) {
				struct edge *e = &g->adj[u][k];
				if (e->cap > 0 && prev_node[e->to] == PLAN_NONE) {
					prev_node[e->to] = u;
					prev_edge[e->to] = k;
					queue[tail++] = e->to;
				}
			}
		}
		if (prev_node[g->sink] == PLAN_NONE)
			break;
		long f = limit - total;
		for (size_t v = g->sink; v != g->src; v = prev_node[v])
			if (g->adj[prev_node[v]][prev_edge[v]].cap < f)
				f = g->adj[prev_node[v]][prev_edge[v]].cap;
		for (size_t v = g->sink; v != g->src; v = prev_node[v]) {
			struct edge *e = &g->adj[prev_node[v]][prev_edge[v]];
			e->cap -= f;
			g->adj[v][e->rev].cap += f;
		}
		total += f;
	}
	free(prev_node);
	free(prev_edge);
	free(queue);
	return total;
}

struct group {
	uint32_t mask;
	size_t *members; /* story indices, in order of preference */
	size_t n;
};

struct solver {
	const struct plan_input *in;
	struct group *groups;
	size_t n_groups;
	size_t order[PLAN_MAX_PRINCIPLES]; /* principles, focus first */
	uint32_t possible; /* principles with at least target candidate stories */
	uint32_t best;
	unsigned best_focus, best_count;
	bool have_best;
};

static void net_free(struct net *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->adj[i]);
	free(g->adj);
	free(g->deg);
	free(g->cap);
	free(g->sink_edge);
}

/* The network with sink edges (capacity target) for the principles in
 * sinks; the others get capacity 0 until opened. */
static void net_build(struct net *g, const struct solver *s, uint32_t sinks)
{
	const struct plan_input *in = s->in;
	memset(g, 0, sizeof(*g));
	g->n = 2 + s->n_groups + in->n_principles;
	g->adj = xcalloc(g->n, sizeof(*g->adj));
	g->deg = xcalloc(g->n, sizeof(size_t));
	g->cap = xcalloc(g->n, sizeof(size_t));
	g->sink_edge = xcalloc(in->n_principles + 1, sizeof(size_t));
	g->src = 0;
	g->sink = 1;
	g->base = 2 + s->n_groups;
	for (size_t k = 0; k < s->n_groups; k++) {
		const struct group *gr = &s->groups[k];
		add_edge(g, g->src, 2 + k, (long)(gr->n * in->reuse));
		for (size_t p = 0; p < in->n_principles; p++)
			if (gr->mask & (1u << p))
				add_edge(g, 2 + k, g->base + p, (long)gr->n);
	}
	for (size_t p = 0; p < in->n_principles; p++)
		g->sink_edge[p] = add_edge(g, g->base + p, g->sink,
					   (sinks & (1u << p)) ? (long)in->target : 0);
}

static unsigned popcount(uint32_t x)
{
	unsigned n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static bool feasible(const struct solver *s, uint32_t set)
{
	struct net g;
	net_build(&g, s, set);
	long want = (long)popcount(set) * (long)s->in->target;
	long got = augment(&g, want);
	net_free(&g);
	return got == want;
}

static bool better(unsigned f1, unsigned c1, unsigned f2, unsigned c2)
{
	return f1 != f2 ? f1 > f2 : c1 > c2;
}

static void search(struct solver *s, size_t i, uint32_t set, unsigned f, unsigned c)
{
	const struct plan_input *in = s->in;
	/* The most this branch can still reach. */
	unsigned rf = f, rc = c;
	for (size_t k = i; k < in->n_principles; k++) {
		size_t p = s->order[k];
		if (s->possible & (1u << p)) {
			rc++;
			rf += in->focus[p];
		}
	}
	if (s->have_best && !better(rf, rc, s->best_focus, s->best_count))
		return;
	if (i == in->n_principles) {
		s->best = set;
		s->best_focus = f;
		s->best_count = c;
		s->have_best = true;
		return;
	}
	size_t p = s->order[i];
	uint32_t with = set | (1u << p);
	if ((s->possible & (1u << p)) && feasible(s, with))
		search(s, i + 1, with, f + in->focus[p], c + 1);
	search(s, i + 1, set, f, c);
}

static int cmp_mask(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Merge stories with the same principle set, keeping preference order. */
static void make_groups(struct solver *s)
{
	const struct plan_input *in = s->in;
	uint32_t *masks = xcalloc(in->n_stories + 1, sizeof(*masks));
	size_t nm = 0;
	for (size_t i = 0; i < in->n_stories; i++)
		if (in->masks[i])
			masks[nm++] = in->masks[i];
	if (nm > 1)
		qsort(masks, nm, sizeof(*masks), cmp_mask);
	s->groups = xcalloc(nm + 1, sizeof(*s->groups));
	for (size_t i = 0; i < nm; i++)
		if (i == 0 || masks[i] != masks[i - 1])
			s->groups[s->n_groups++].mask = masks[i];
	free(masks);
	for (size_t k = 0; k < s->n_groups; k++)
		s->groups[k].members = xcalloc(in->n_stories + 1, sizeof(size_t));
	for (size_t j = 0; j < in->n_stories; j++) {
		size_t i = in->order ? in->order[j] : j;
		if (!in->masks[i])
			continue;
		size_t lo = 0, hi = s->n_groups;
		while (lo < hi) { /* binary search: groups are sorted by mask */
			size_t mid = (lo + hi) / 2;
			if (s->groups[mid].mask < in->masks[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		struct group *g = &s->groups[lo];
		g->members[g->n++] = i;
	}
}

/* Deal each group's flow to principles out to its members: for each
 * principle, the members with the most capacity left, preferred first. */
static void deal(const struct solver *s, struct net *g, struct plan *out)
{
	const struct plan_input *in = s->in;
	unsigned *fill = xcalloc(in->n_principles + 1, sizeof(*fill));
	for (size_t k = 0; k < s->n_groups; k++) {
		const struct group *gr = &s->groups[k];
		unsigned *left = xcalloc(gr->n + 1, sizeof(*left));
		size_t *used_for = xcalloc(gr->n + 1, sizeof(*used_for));
		for (size_t m = 0; m < gr->n; m++) {
			left[m] = in->reuse;
			used_for[m] = PLAN_NONE;
		}
		size_t node = 2 + k;
		for (size_t e = 0; e < g->deg[node]; e++) {
			const struct edge *ed = &g->adj[node][e];
			if (ed->to < g->base)
				continue;
			size_t p = ed->to - g->base;
			long flow = g->adj[ed->to][ed->rev].cap; /* the reverse edge holds the flow */
			for (long f = 0; f < flow; f++) {
				size_t pick = PLAN_NONE;
				for (size_t m = 0; m < gr->n; m++)
					if (left[m] && used_for[m] != p &&
					    (pick == PLAN_NONE || left[m] > left[pick]))
						pick = m;
				if (pick == PLAN_NONE || fill[p] >= in->target)
					break;
				left[pick]--;
				used_for[pick] = p;
				out->slots[p * in->target + fill[p]++] = gr->members[pick];
			}
		}
		free(left);
		free(used_for);
	}
	for (size_t p = 0; p < in->n_principles; p++) {
		out->slots_filled += fill[p];
		if (fill[p] >= in->target) {
			out->covered |= 1u << p;
			out->principles_covered++;
			out->focus_covered += in->focus[p];
		}
	}
	free(fill);
}

int plan_solve(const struct plan_input *in, struct plan *out)
{
	memset(out, 0, sizeof(*out));
	if (in->n_principles > PLAN_MAX_PRINCIPLES || in->target == 0 || in->reuse == 0)
		return -1;
	out->n_principles = in->n_principles;
	out->target = in->target;
	out->slots = xmalloc((in->n_principles * in->target + 1) * sizeof(size_t));
	for (size_t i = 0; i < in->n_principles * in->target; i++)
		out->slots[i] = PLAN_NONE;

	struct solver s = { .in = in };
	make_groups(&s);
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t p = 0; p < in->n_principles; p++)
			if ((bool)in->focus[p] == (pass == 0))
				s.order[k++] = p;
	for (size_t p = 0; p < in->n_principles; p++) {
		size_t cand = 0;
		for (size_t g = 0; g < s.n_groups; g++)
			if (s.groups[g].mask & (1u << p))
				cand += s.groups[g].n;
		if (cand >= in->target)
			s.possible |= 1u << p;
	}
	search(&s, 0, 0, 0, 0);

	/* Saturate the chosen principles, then open the others. */
	struct net g;
	net_build(&g, &s, s.best);
	augment(&g, (long)1 << 40);
	for (size_t p = 0; p < in->n_principles; p++)
		if (!(s.best & (1u << p)))
			g.adj[g.base + p][g.sink_edge[p]].cap = in->target;
	augment(&g, (long)1 << 40);
	deal(&s, &g, out);
	net_free(&g);
	for (size_t i = 0; i < s.n_groups; i++)
		free(s.groups[i].members);
	free(s.groups);
	return 0;
}

void plan_release(struct plan *p)
{
	xfree(&p->slots);
	memset(p, 0, sizeof(*p));
}

size_t plan_slot(const struct plan *p, size_t principle, size_t k)
{
	return p->slots[principle * p->target + k];
}
