/*
 * Lexer of the mmlint rule DSL (rules/*.mmr). See plugins/dev.mmlint.dsl/README.md.
 * Keywords are reserved only where the parser expects them: MmrParser.ident accepts them as names,
 * so a parameter may be called "count" and a field "source".
 */
lexer grammar MmrLexer;

FAMILY       : 'family' ;
CONFIDENCE   : 'confidence' ;
REF          : 'ref' ;
CLAUSE       : 'clause' ;
FOR          : 'for' ;
SINCE        : 'since' ;
BEFORE       : 'before' ;
KCONFIG      : 'kconfig' ;
WHY          : 'why' ;
AT           : 'at' ;
FN           : 'fn' ;
MACRO        : 'macro' ;
BUILTIN      : 'builtin' ;
FIELD        : 'field' ;
RANGE        : 'range' ;
VALIDATOR    : 'validator' ;
RETURN       : 'return' ;
COUNT        : 'count' ;
OF           : 'of' ;
VALIDATED_BY : 'validated_by' ;
NOTE         : 'note' ;
COMMIT       : 'commit' ;
LKML         : 'lkml' ;
URL          : 'url' ;
SOURCE       : 'source' ;
DOC          : 'doc' ;
WHEN         : 'when' ;
HAS          : 'has' ;
LACKS        : 'lacks' ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
COLON    : ':' ;
SEMI     : ';' ;
COMMA    : ',' ;
DOT      : '.' ;
STAR     : '*' ;
AND      : '&&' ;
OR       : '||' ;
NEQ      : '!=' ;
NOT      : '!' ;
EQ       : '=' ;

RULE_ID  : 'MM' [0-9]+ ;
VERSION  : [0-9]+ '.' [0-9]+ ( '.' [0-9]+ )? ( '-rc' [0-9]+ )? ;
INT      : [0-9]+ ;
/* a commit id that starts with a digit (ids starting with a letter lex as IDENT) */
HEXID    : [0-9] [0-9a-fA-F]* [a-fA-F] [0-9a-fA-F]* ;
/* clause ids (compound.tail-head-only-field) and field references (page.mapping, folio.*) */
DOTTED   : [a-z_] [a-z0-9_-]* ( '.' ( [a-z0-9_] [a-z0-9_-]* | '*' ) )+ ;
IDENT    : [a-zA-Z_] [a-zA-Z0-9_]* ;
STRING   : '"' ( ~["\\\r\n] | '\\' ["\\nt] )* '"' ;
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ["\\nt] )* ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\f]+ -> skip ;

/* anything else: the parser reports it with its location */
STRAY : . ;
