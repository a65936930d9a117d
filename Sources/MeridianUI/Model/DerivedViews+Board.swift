import MeridianKit

extension AppState {
    /// The board model for the state, derived now (and kept) unless the kept one still holds.
    ///
    /// Kept as it is when the board, the settings and the filter (and for a filter, the members it
    /// searches by name) are unchanged; narrowed when the filter only got stricter (typing on);
    /// else derived in one pass over the tasks.
    mutating func freshBoardModel() -> BoardModel {
        let generation = snapshotGeneration
        let filter = activeFilter
        if let part = derived.board, part.generation == generation, part.filter == filter { return part.model }
        let board = snapshot.board
        let settings = snapshot.settings
        let members = snapshot.members
        if var part = derived.board, StorageIdentity.same(part.board, board), part.settings == settings {
            let sameMembers = part.members == members
            if part.filter == filter, part.query.isEmpty || sameMembers {
                part.generation = generation
                part.members = members
                derived.board = part
                return part.model
            }
            let query = TaskFilter(filter, members: members)
            if sameMembers, !part.query.isEmpty, query.narrows(part.query) {
                let model = part.model.narrowed(by: query)
                derived.board = .init(generation: generation, filter: filter, query: query, board: board, settings: settings, members: members, model: model)
                derived.work.narrowedBoards += 1
                return model
            }
        }
        let query = TaskFilter(filter, members: members)
        let model = BoardModel(board: board, wipLimits: settings.wipLimits, query: query)
        derived.board = .init(generation: generation, filter: filter, query: query, board: board, settings: settings, members: members, model: model)
        derived.work.boards += 1
        return model
    }
}
