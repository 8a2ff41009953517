#include "textflag.h"

DATA floorconst<>+0(SB)/8, $1e-16
GLOBL floorconst<>(SB), RODATA|NOPTR, $8

// func coordFMA(ft, ct, qt, dj, dl []float64, stride int, p *CoordStep) float64
TEXT ·coordFMA(SB), NOSPLIT, $0-144
	MOVQ ft_base+0(FP), DI
	MOVQ ft_len+8(FP), CX
	MOVQ ct_base+24(FP), SI
	MOVQ qt_base+48(FP), DX
	MOVQ dj_base+72(FP), R12
	MOVQ dl_base+96(FP), R9
	MOVQ stride+120(FP), R8
	MOVQ p+128(FP), AX
	VBROADCASTSD 0(AX), Y8   // c0
	VBROADCASTSD 8(AX), Y9   // c1
	VBROADCASTSD 16(AX), Y10 // c2
	VBROADCASTSD 24(AX), Y11 // l1
	VBROADCASTSD 32(AX), Y12 // l2
	VBROADCASTSD 40(AX), Y13 // id
	VBROADCASTSD floorconst<>(SB), Y14
	VXORPD Y15, Y15, Y15     // sum of squared changes
	SHLQ $3, R8
	LEAQ (R9)(R8*1), R10
	LEAQ (R10)(R8*1), R11
	XORQ BX, BX

loop:
	CMPQ BX, CX
	JGE  done
	VMOVUPD 0(DI)(BX*8), Y0          // v
	VMOVUPD 0(DX)(BX*8), Y1          // g = qt
	VFMADD231PD 0(R9)(BX*8), Y8, Y1  // + c0·d0
	VFMADD231PD 0(R10)(BX*8), Y9, Y1 // + c1·d1
	VFMADD231PD 0(R11)(BX*8), Y10, Y1 // + c2·d2
	VSUBPD 0(SI)(BX*8), Y1, Y1       // − ct
	VADDPD Y11, Y1, Y1               // + l1
	VFMADD231PD Y0, Y12, Y1          // + l2·v
	VMOVAPD Y0, Y2
	VFNMADD231PD Y1, Y13, Y2         // v − g·id
	VMAXPD Y2, Y14, Y2               // max(floor, ·), NaN kept as Go's max does
	VSUBPD Y0, Y2, Y3                // delta = nv − v
	VMOVUPD Y2, 0(DI)(BX*8)
	VMOVUPD Y3, 0(R12)(BX*8)
	VFMADD231PD Y3, Y3, Y15
	ADDQ $4, BX
	JMP  loop

done:
	VEXTRACTF128 $1, Y15, X0
	VADDPD X15, X0, X0
	VHADDPD X0, X0, X0
	MOVSD X0, ret+136(FP)
	VZEROUPPER
	RET
