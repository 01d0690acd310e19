package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DotTest {

    @Test
    void dotRendering() {
        Cfg c = cfg("""
                int f(int a, char *s) {
                  while (a--) {
                    if (s[a] == '"')
                      return a;
                  }
                  BUG();
                  return -1;
                }
                """);
        assertEquals("""
                digraph "f" {
                  node [shape=box, fontname="monospace"];
                  n0 [label="0 ENTRY"];
                  n1 [label="1 EXIT"];
                  n2 [label="2 CONDITION\\na--", shape=diamond];
                  n3 [label="3 CONDITION\\ns[a] == '\\"'", shape=diamond];
                  n4 [label="4 RETURN\\nreturn a;"];
                  n5 [label="5 STATEMENT\\nBUG();"];
                  n6 [label="6 RETURN\\nreturn -1;", style=dashed];
                  n0 -> n2;
                  n2 -> n3 [label="T"];
                  n2 -> n5 [label="F"];
                  n3 -> n4 [label="T"];
                  n3 -> n2 [label="F"];
                  n4 -> n1;
                  n5 -> n1 [label="noreturn", style=dotted];
                  n6 -> n1;
                }
                """, c.toDot());
    }

    @Test
    void buildingIsDeterministic() {
        String code = """
                void f(int a) {
                  switch (a) { case 1: goto x; case 2: break; default: ({ if (a) g(); 0; }); }
                x:
                  while (a && ({ h(); a--; })) { if (a == 3) continue; }
                }
                """;
        Cfg one = cfg(code);
        Cfg two = cfg(code);
        assertEquals(one.describe(), two.describe());
        assertEquals(one.toDot(), two.toDot());
        assertEquals(one.reversePostOrder().stream().map(CfgNode::id).toList(),
                two.reversePostOrder().stream().map(CfgNode::id).toList());
    }
}
