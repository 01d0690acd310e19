/**
 * Per-function control-flow graphs over CDT's C AST, for a forward dataflow engine.
 *
 * <p>{@link dev.mmlint.cfg.CfgBuilder#build(org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition, CfgOptions)} makes
 * a {@link dev.mmlint.cfg.Cfg}: ENTRY (id 0), EXIT (id 1), then nodes in source order. Shape, in short:
 * <ul>
 * <li>One STATEMENT node per expression statement and per declaration statement; null statements, {@code goto},
 * {@code break}, {@code continue}, {@code case} and {@code default} make no node, only edges.</li>
 * <li>Conditions ({@code if}, loops, {@code ?:}/{@code &&}/{@code ||} guarding lowered statement expressions) are
 * split into one CONDITION node per tested operand; TRUE/FALSE edges say what the operand evaluated to. Constant
 * (sub)conditions make no node: {@code do { } while (0)} is no loop, {@code if (0)} code is unreachable.</li>
 * <li>Merges need no JOIN: any node may have several predecessors. JOIN nodes exist for labels and for loop heads
 * that have no condition node ({@code for (;;)}, {@code while (1)}, {@code do ... while (c)}).</li>
 * <li>Loop heads for widening: {@link dev.mmlint.cfg.CfgNode#isLoopHead()}; back edges:
 * {@link dev.mmlint.cfg.CfgEdge#isRetreating()} (edge kinds BACK and GOTO only replace NORMAL, so a
 * {@code if (x) continue;} back edge stays a TRUE edge).</li>
 * <li>A call to a never-returning function ({@link dev.mmlint.cfg.CfgOptions#noreturnFunctions()}, or declared
 * noreturn in the unit) ends its node with one EXCEPTIONAL_NONE edge to EXIT.</li>
 * <li>GNU statement expressions are lowered: their statements are nodes placed before the node that uses the
 * value; {@link dev.mmlint.cfg.CfgNode#preEvaluated()}, {@link dev.mmlint.cfg.Cfg#isPreEvaluated} and
 * {@link dev.mmlint.cfg.Cfg#loweredStatementExpressions()} tell the engine which sub-expressions of a node's ast
 * were already evaluated and where their values come from.</li>
 * <li>Whatever is modelled approximately is listed in {@link dev.mmlint.cfg.Cfg#unsupported()}; parse problems
 * become PROBLEM nodes.</li>
 * </ul>
 * {@link dev.mmlint.cfg.Cfg#describe()} prints the canonical listing used by the golden tests,
 * {@link dev.mmlint.cfg.Cfg#toDot()} a Graphviz graph; both show macro-expanded code as expanded.
 */
package dev.mmlint.cfg;
