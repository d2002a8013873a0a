export interface MarkerPair {
    begin: string;
    end: string;
}
export interface BlockMarkers extends MarkerPair {
    pyinfra?: MarkerPair;
}
export interface FoundBlock {
    start: number;
    end: number;
}
export declare function readMarkers(args: Record<string, unknown>): BlockMarkers;
export declare function readBlockContent(value: unknown): string[];
export declare function findBlocks(path: string, lines: string[], markers: BlockMarkers): {
    lines: string[];
    blocks: FoundBlock[];
    markers: MarkerPair;
};
